package io.edgegateway.routes.precedence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * The order the gateway matches its routes in, and why one route comes before another:
 * the most specific first ({@link RouteSpace#specificity()}), then, between equally
 * specific routes, the application's own before a route file's, then the declared
 * {@code order}, then the order of declaration. Each step names its
 * {@link PrecedenceRule}, so the order and its explanation come from one place.
 */
public final class RoutePrecedence {

	/**
	 * Route metadata, on the routes handed on in precedence, holding the {@code order}
	 * the route declared (its {@code order} is then its place in the sequence).
	 */
	public static final String DECLARED_ORDER_METADATA = "declared-order";

	private static final List<PrecedenceStep<Ranked>> STEPS = steps();

	private final RouteSpaces spaces;

	public RoutePrecedence(RouteSpaces spaces) {
		this.spaces = spaces;
	}

	private static List<PrecedenceStep<Ranked>> steps() {
		List<PrecedenceStep<Ranked>> steps = new ArrayList<>();
		RouteSpace.Specificity.STEPS.forEach((step) -> steps.add(step.on(Ranked::specificity)));
		steps.add(PrecedenceStep.trueFirst(PrecedenceRule.APPLICATION_ROUTE_FIRST, (rank) -> !rank.fromFile()));
		steps.add(PrecedenceStep.lowerFirst(PrecedenceRule.LOWER_ORDER, Ranked::declaredOrder));
		return List.copyOf(steps);
	}

	/**
	 * Routes in the order the gateway matches them.
	 * @param routes the routes, in declaration order
	 * @return copies, ordered, each with its place as its {@code order} and the order it
	 * declared as {@link #DECLARED_ORDER_METADATA}
	 */
	public List<RouteDefinition> inPrecedence(List<RouteDefinition> routes) {
		List<Ranked> ranked = new ArrayList<>();
		for (RouteDefinition route : routes) {
			ranked.add(rank(route, route.getOrder()));
		}
		// A stable sort: routes equal in every step keep their declaration order.
		ranked.sort((first, second) -> PrecedenceStep.compare(STEPS, first, second));
		List<RouteDefinition> ordered = new ArrayList<>(ranked.size());
		for (Ranked rank : ranked) {
			ordered.add(copy(rank.route(), ordered.size()));
		}
		return ordered;
	}

	/**
	 * The rule by which one route the gateway matches before another comes first.
	 * @param first a route as {@link #inPrecedence} hands it on
	 * @param second a route handed on after it
	 * @return the first rule that tells them apart,
	 * {@link PrecedenceRule#DECLARED_EARLIER} when none does
	 */
	public PrecedenceRule decidingRule(RouteDefinition first, RouteDefinition second) {
		PrecedenceRule rule = PrecedenceStep.deciding(STEPS, rank(first, declaredOrder(first)),
				rank(second, declaredOrder(second)));
		return (rule != null) ? rule : PrecedenceRule.DECLARED_EARLIER;
	}

	private Ranked rank(RouteDefinition route, int declaredOrder) {
		return new Ranked(route, this.spaces.of(route).specificity(), PrecedenceRouteDefinitionLocator.fromFile(route),
				declaredOrder);
	}

	private static int declaredOrder(RouteDefinition route) {
		return (route.getMetadata().get(DECLARED_ORDER_METADATA) instanceof Number order) ? order.intValue()
				: route.getOrder();
	}

	private static RouteDefinition copy(RouteDefinition route, int order) {
		RouteDefinition copy = new RouteDefinition();
		copy.setId(route.getId());
		copy.setUri(route.getUri());
		copy.setPredicates(route.getPredicates());
		copy.setFilters(route.getFilters());
		copy.setMetadata(new LinkedHashMap<>(route.getMetadata()));
		copy.getMetadata().put(DECLARED_ORDER_METADATA, route.getOrder());
		copy.setEnabled(route.isEnabled());
		copy.setOrder(order);
		return copy;
	}

	private record Ranked(RouteDefinition route, RouteSpace.Specificity specificity, boolean fromFile,
			int declaredOrder) {
	}

}
