package io.edgegateway.app.security;

import io.edgegateway.app.routing.RouteMatcher;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.Assert;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The proxied requests that need no user: a CORS preflight, which a browser sends without
 * cookies before a cross-origin request, and which the route's CORS policy answers
 * without calling the route's upstream; and a request whose route is public
 * ({@code metadata: { auth: public }}, found by the {@link RouteMatcher}). Never a
 * request for one of the gateway's own endpoints. While no route is public, a request
 * that is no preflight is told apart with one check of its method and headers.
 */
final class PublicRequests implements ServerWebExchangeMatcher {

	private static final Mono<MatchResult> MATCH = MatchResult.match();

	private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

	private final RouteMatcher routes;

	PublicRequests(RouteMatcher routes) {
		Assert.notNull(routes, "routes cannot be null");
		this.routes = routes;
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		boolean preflight = CorsUtils.isPreFlightRequest(request);
		if ((!preflight && !this.routes.hasPublicRoutes()) || GatewayEndpoints.isGatewayEndpoint(exchange)) {
			return NO_MATCH;
		}
		return preflight ? MATCH : this.routes.isPublic(exchange).flatMap((isPublic) -> isPublic ? MATCH : NO_MATCH);
	}

}
