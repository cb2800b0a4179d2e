package io.edgegateway.app.routing;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Spring Cloud Gateway's handler mapping, with two changes.
 * <ul>
 * <li>A request matched before the security chain ({@link RouteMatch}) is routed by that
 * match, not matched again: the security chain's decision (a public route) and the
 * routing come from one match, at the cost of one.</li>
 * <li>A route's CORS policy ({@code metadata.cors}) is the policy of the route that
 * matched ({@link RouteCorsPolicies}). Spring Cloud Gateway's
 * {@code CorsGatewayFilterApplicationListener}, turned off in the gateway's defaults
 * ({@code spring.cloud.gateway.server.webflux.globalcors.enabled: false}), files each
 * policy under its route's first {@code Path} pattern instead, where it also answers for
 * any other route serving a path under that pattern, and for every path when the route
 * has no {@code Path} predicate; the lists of two policies that meet there add up.</li>
 * </ul>
 * Spring's handler mapping then answers a preflight from the policy, before any route
 * filter runs (a preflight never reaches an upstream), and adds the policy's headers to
 * the response of the request that follows. The gateway-wide
 * {@code spring.cloud.gateway.server.webflux.globalcors.cors-configurations} still apply,
 * combined with a route's policy as Spring combines a global and a handler's.
 */
final class MatchedRouteHandlerMapping extends RoutePredicateHandlerMapping {

	private final RouteCorsPolicies corsPolicies = new RouteCorsPolicies();

	MatchedRouteHandlerMapping(FilteringWebHandler webHandler, RouteLocator routes, GlobalCorsProperties globalCors,
			Environment environment) {
		super(webHandler, routes, globalCors, environment);
	}

	@Override
	protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
		return super.getHandlerInternal(exchange).map((handler) -> this.corsPolicies
			.handler(exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR), (WebHandler) handler));
	}

	/**
	 * The route of the match made before the security chain, taken from the exchange: a
	 * request dispatched again ({@code forward:}) is matched anew, by its new path.
	 */
	@Override
	protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
		RouteMatch match = (RouteMatch) exchange.getAttributes().remove(RouteMatch.ATTRIBUTE);
		if (match == null) {
			return super.lookupRoute(exchange);
		}
		Route route = match.route();
		if (route == null) {
			return Mono.empty();
		}
		validateRoute(route, exchange);
		return Mono.just(route);
	}

}
