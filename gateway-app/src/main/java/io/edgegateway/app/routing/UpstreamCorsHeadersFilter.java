package io.edgegateway.app.routing;

import java.util.Locale;

import io.edgegateway.routes.metadata.RouteCors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Removes the upstream's own CORS headers ({@code Access-Control-*}) from its response on
 * a route with a CORS policy: the gateway's response already carries the policy's, and
 * Spring Cloud Gateway adds the upstream's headers to it, so a browser would see two
 * {@code Access-Control-Allow-Origin} and refuse the response. On a route without a
 * policy the upstream's headers pass as they are.
 */
final class UpstreamCorsHeadersFilter implements HttpHeadersFilter {

	private static final String CORS_PREFIX = "access-control-";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
		if (route == null || !RouteCors.isDeclared(route.getMetadata())
				|| input.headerNames().stream().noneMatch(UpstreamCorsHeadersFilter::isCors)) {
			return input;
		}
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isCors(name)) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	private static boolean isCors(String name) {
		return name.toLowerCase(Locale.ROOT).startsWith(CORS_PREFIX);
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

	@Override
	public String toString() {
		return "UpstreamCorsHeadersFilter";
	}

}
