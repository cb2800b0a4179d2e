package io.edgegateway.app.routing;

import io.edgegateway.routes.metadata.RouteAuth;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;

/**
 * The route a request matched before the security chain ({@link RouteMatcher}), kept on
 * the exchange ({@link #ATTRIBUTE}) so that the gateway's handler mapping routes the
 * request by it instead of matching again ({@link MatchedRouteHandlerMapping}): the
 * security chain's decision and the routing are made from one match.
 *
 * @param route the first route whose predicates matched, {@code null} when none did
 */
public record RouteMatch(@Nullable Route route) {

	/**
	 * Exchange attribute that holds the match, when the request was matched before the
	 * security chain, until the handler mapping takes it; the route is then
	 * {@code ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR}.
	 */
	public static final String ATTRIBUTE = RouteMatch.class.getName();

	/**
	 * No route matched.
	 */
	static final RouteMatch NONE = new RouteMatch(null);

	/**
	 * Whether anyone may call the matched route, without signing in.
	 * @return whether a route matched and it is public
	 */
	public boolean isPublic() {
		return this.route != null && RouteAuth.isPublic(this.route.getMetadata());
	}

}
