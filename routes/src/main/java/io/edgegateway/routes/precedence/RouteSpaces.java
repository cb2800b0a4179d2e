package io.edgegateway.routes.precedence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.handler.predicate.HostRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.ConfigurationService;

/**
 * Reads a route definition's {@link RouteSpace}: its {@code Path} and {@code Host}
 * patterns bound exactly as the gateway binds them (shortcut or full form), and the
 * number of its other predicates. A predicate that does not bind counts as an other
 * predicate; the route's validation reports it.
 */
public final class RouteSpaces {

	private final Map<String, RoutePredicateFactory<?>> predicates;

	private final ConfigurationService configurationService;

	public RouteSpaces(List<RoutePredicateFactory<?>> predicates, ConfigurationService configurationService) {
		this.predicates = predicates.stream()
			.collect(Collectors.toMap(RoutePredicateFactory::name, Function.identity(), (first, second) -> second));
		this.configurationService = configurationService;
	}

	/**
	 * The space of a route.
	 * @param route the route
	 * @return its hosts, paths and other predicates
	 */
	public RouteSpace of(RouteDefinition route) {
		List<SegmentPattern> hosts = new ArrayList<>();
		List<SegmentPattern> paths = new ArrayList<>();
		int others = 0;
		for (PredicateDefinition predicate : route.getPredicates()) {
			Object config = bind(predicate);
			if (config instanceof PathRoutePredicateFactory.Config path) {
				path.getPatterns().forEach((pattern) -> paths.add(SegmentPattern.path(pattern)));
			}
			else if (config instanceof HostRoutePredicateFactory.Config host) {
				host.getPatterns().forEach((pattern) -> hosts.add(SegmentPattern.host(pattern)));
			}
			else {
				others++;
			}
		}
		return new RouteSpace(List.copyOf(hosts), List.copyOf(paths), others);
	}

	@SuppressWarnings("unchecked")
	private Object bind(PredicateDefinition predicate) {
		RoutePredicateFactory<?> found = this.predicates.get(predicate.getName());
		if (!(found instanceof PathRoutePredicateFactory || found instanceof HostRoutePredicateFactory)) {
			return predicate;
		}
		RoutePredicateFactory<Object> factory = (RoutePredicateFactory<Object>) found;
		try {
			return this.configurationService.with(factory)
				.name(predicate.getName())
				.properties(predicate.getArgs())
				.bind();
		}
		catch (RuntimeException ex) {
			return predicate;
		}
	}

}
