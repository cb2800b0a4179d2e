package io.edgegateway.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.edgegateway.routes.metadata.RouteAuth;
import io.edgegateway.routes.metadata.RouteCors;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.factory.GatewayFilterFactory;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.cloud.gateway.support.HasRouteId;

/**
 * Builds a route's predicates and filters the way the gateway will, and reports every
 * problem at once, each naming the route and the predicate or filter: an unknown
 * predicate or filter name, and any failure of binding a filter's arguments or of the
 * factory's own validation when it builds the filter (such as a credential filter naming
 * a client registration the gateway does not have) — what no schema can know. It also
 * checks the gateway's own metadata: {@code auth} ({@link RouteAuth}) has a known value,
 * a public route carries no filter that needs a signed-in user, and a {@code cors} policy
 * ({@link RouteCors}) is well-formed.
 * <p>
 * Spring Cloud Gateway itself skips a route it cannot build with a warning; this is what
 * lets a bad route be refused instead.
 */
public final class RouteDefinitionValidator {

	/**
	 * The gateway's filters that act for the signed-in user, which a public route never
	 * has. {@code ServiceAccount} is not one: its upstream sees the gateway.
	 */
	private static final Set<String> USER_FILTERS = Set.of("TokenRelay", "TokenExchange", "OnBehalfOf",
			"DelegatedServiceAccount", "RequireClaims", "StepUp");

	private final Map<String, GatewayFilterFactory<?>> filters;

	private final Map<String, RoutePredicateFactory<?>> predicates;

	private final ConfigurationService configurationService;

	public RouteDefinitionValidator(List<GatewayFilterFactory<?>> filters, List<RoutePredicateFactory<?>> predicates,
			ConfigurationService configurationService) {
		this.filters = filters.stream()
			.collect(Collectors.toMap(GatewayFilterFactory::name, Function.identity(), (first, second) -> second));
		this.predicates = predicates.stream()
			.collect(Collectors.toMap(RoutePredicateFactory::name, Function.identity(), (first, second) -> second));
		this.configurationService = configurationService;
	}

	/**
	 * Check one route, with the filters every route gets.
	 * @param route the route
	 * @param defaultFilters the gateway's default filters
	 * @return the problems, each naming the route; empty if it is valid
	 */
	public List<String> validate(RouteDefinition route, List<FilterDefinition> defaultFilters) {
		List<String> problems = new ArrayList<>();
		String prefix = "route '" + route.getId() + "': ";
		for (PredicateDefinition predicate : route.getPredicates()) {
			RoutePredicateFactory<?> factory = this.predicates.get(predicate.getName());
			if (factory == null) {
				problems.add(prefix + "predicates: unknown predicate '" + predicate.getName() + "'; known: "
						+ this.predicates.keySet());
				continue;
			}
			check(problems, prefix, "predicate " + predicate.getName() + ": ",
					() -> bind(factory, predicate, route.getId()));
		}
		List<FilterDefinition> filters = new ArrayList<>(defaultFilters);
		filters.addAll(route.getFilters());
		for (FilterDefinition filter : filters) {
			GatewayFilterFactory<?> factory = this.filters.get(filter.getName());
			if (factory == null) {
				problems.add(prefix + "filters: unknown filter '" + filter.getName() + "'; known: "
						+ this.filters.keySet().stream().sorted().toList());
				continue;
			}
			check(problems, prefix, "filter " + filter.getName() + ": ", () -> apply(factory, filter, route.getId()));
		}
		checkAuth(problems, prefix, route, filters);
		List<String> cors = new ArrayList<>();
		RouteCors.read(route.getMetadata(), cors);
		cors.forEach((problem) -> problems.add(prefix + problem));
		return problems;
	}

	private static void checkAuth(List<String> problems, String prefix, RouteDefinition route,
			List<FilterDefinition> filters) {
		RouteAuth auth;
		try {
			auth = RouteAuth.of(route.getMetadata());
		}
		catch (IllegalArgumentException ex) {
			problems.add(prefix + ex.getMessage());
			return;
		}
		if (auth == RouteAuth.PUBLIC) {
			filters.stream()
				.map(FilterDefinition::getName)
				.filter(USER_FILTERS::contains)
				.distinct()
				.forEach((name) -> problems.add(prefix + "filters: " + name
						+ " needs a signed-in user, which a public route (metadata.auth: public) never has"));
		}
	}

	@SuppressWarnings("unchecked")
	private void apply(GatewayFilterFactory<?> factory, FilterDefinition filter, String routeId) {
		GatewayFilterFactory<Object> typed = (GatewayFilterFactory<Object>) factory;
		Object config = this.configurationService.with(typed)
			.name(filter.getName())
			.properties(filter.getArgs())
			.bind();
		typed.apply(withRouteId(config, routeId));
	}

	@SuppressWarnings("unchecked")
	private void bind(RoutePredicateFactory<?> factory, PredicateDefinition predicate, String routeId) {
		RoutePredicateFactory<Object> typed = (RoutePredicateFactory<Object>) factory;
		Object config = this.configurationService.with(typed)
			.name(predicate.getName())
			.properties(predicate.getArgs())
			.bind();
		typed.apply(withRouteId(config, routeId));
	}

	private static Object withRouteId(Object config, String routeId) {
		if (config instanceof HasRouteId hasRouteId) {
			hasRouteId.setRouteId(routeId);
		}
		return config;
	}

	private static void check(List<String> problems, String routePrefix, String what, Runnable check) {
		try {
			check.run();
		}
		catch (RuntimeException ex) {
			String message = rootMessage(ex);
			// Factories that know the route name it themselves; say it once.
			problems.add(routePrefix + what
					+ (message.startsWith(routePrefix) ? message.substring(routePrefix.length()) : message));
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof IllegalArgumentException)) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
