package io.edgegateway.routes.precedence;

import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;

/**
 * Puts every route, from the application's configuration and from the route files, in the
 * order the gateway matches them ({@link RoutePrecedence}): the most specific first,
 * then, between equally specific routes, the application's own before a route file's, and
 * only then the declared {@code order} and the declaration order. So no route file can
 * shadow a more specific route, whatever {@code order} it declares, and the application's
 * catch-all cannot shadow a team's route. Each route is handed on as a copy whose
 * {@code order} is its place in that sequence.
 */
public final class PrecedenceRouteDefinitionLocator implements RouteDefinitionLocator {

	/**
	 * Route metadata naming the route file a route comes from; routes without it come
	 * from the application's configuration.
	 */
	public static final String ROUTE_FILE_METADATA = "route-file";

	private final RouteDefinitionLocator delegate;

	private final RoutePrecedence precedence;

	public PrecedenceRouteDefinitionLocator(RouteDefinitionLocator delegate, RoutePrecedence precedence) {
		this.delegate = delegate;
		this.precedence = precedence;
	}

	@Override
	public Flux<RouteDefinition> getRouteDefinitions() {
		return this.delegate.getRouteDefinitions().collectList().flatMapIterable(this.precedence::inPrecedence);
	}

	/**
	 * Whether a route comes from a route file.
	 * @param route the route
	 * @return {@code true} if it carries {@link #ROUTE_FILE_METADATA}
	 */
	public static boolean fromFile(RouteDefinition route) {
		return route.getMetadata().containsKey(ROUTE_FILE_METADATA);
	}

}
