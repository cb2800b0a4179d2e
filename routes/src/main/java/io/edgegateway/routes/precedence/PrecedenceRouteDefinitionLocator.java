package io.edgegateway.routes.precedence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;

/**
 * Puts every route, from the application's configuration and from the route files, in the
 * order the gateway matches them: the most specific first
 * ({@link RouteSpace#specificity()}), then, between equally specific routes, the
 * application's own before a route file's, and only then the declared {@code order} and
 * the declaration order. So no route file can shadow a more specific route, whatever
 * {@code order} it declares, and the application's catch-all cannot shadow a team's
 * route. Each route is handed on as a copy whose {@code order} is its place in that
 * sequence.
 */
public final class PrecedenceRouteDefinitionLocator implements RouteDefinitionLocator {

	/**
	 * Route metadata naming the route file a route comes from; routes without it come
	 * from the application's configuration.
	 */
	public static final String ROUTE_FILE_METADATA = "route-file";

	private final RouteDefinitionLocator delegate;

	private final RouteSpaces spaces;

	public PrecedenceRouteDefinitionLocator(RouteDefinitionLocator delegate, RouteSpaces spaces) {
		this.delegate = delegate;
		this.spaces = spaces;
	}

	@Override
	public Flux<RouteDefinition> getRouteDefinitions() {
		return this.delegate.getRouteDefinitions().collectList().flatMapIterable(this::inPrecedence);
	}

	/**
	 * Routes in the order the gateway matches them.
	 * @param routes the routes, in declaration order
	 * @return copies, ordered, each with its place as its {@code order}
	 */
	public List<RouteDefinition> inPrecedence(List<RouteDefinition> routes) {
		List<Ranked> ranked = new ArrayList<>();
		for (RouteDefinition route : routes) {
			ranked.add(new Ranked(route, this.spaces.of(route).specificity(), fromFile(route)));
		}
		ranked.sort(Comparator.comparing(Ranked::specificity)
			.thenComparing(Ranked::fromFile)
			.thenComparingInt((rank) -> rank.route().getOrder()));
		List<RouteDefinition> ordered = new ArrayList<>(ranked.size());
		for (Ranked rank : ranked) {
			ordered.add(copy(rank.route(), ordered.size()));
		}
		return ordered;
	}

	/**
	 * Whether a route comes from a route file.
	 * @param route the route
	 * @return {@code true} if it carries {@link #ROUTE_FILE_METADATA}
	 */
	public static boolean fromFile(RouteDefinition route) {
		return route.getMetadata().containsKey(ROUTE_FILE_METADATA);
	}

	private static RouteDefinition copy(RouteDefinition route, int order) {
		RouteDefinition copy = new RouteDefinition();
		copy.setId(route.getId());
		copy.setUri(route.getUri());
		copy.setPredicates(route.getPredicates());
		copy.setFilters(route.getFilters());
		copy.setMetadata(new LinkedHashMap<>(route.getMetadata()));
		copy.setEnabled(route.isEnabled());
		copy.setOrder(order);
		return copy;
	}

	private record Ranked(RouteDefinition route, RouteSpace.Specificity specificity, boolean fromFile) {
	}

}
