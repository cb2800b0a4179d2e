package io.edgegateway.routes.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.edgegateway.routes.file.ClaimedRoute;
import io.edgegateway.routes.precedence.PrecedenceRouteDefinitionLocator;
import io.edgegateway.routes.precedence.PrecedenceRule;
import io.edgegateway.routes.precedence.RoutePrecedence;
import io.edgegateway.routes.precedence.RouteSpaces;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.handler.AsyncPredicate;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.cloud.gateway.support.NameUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Explains which route a described request matches, as Spring Cloud Gateway decides it,
 * without serving it: the gateway's live routes are tried in the order it tries them,
 * each with its own predicate against an exchange built for the request
 * ({@code RoutePredicateHandlerMapping} takes the first that matches). For every route
 * that does not match, each declared predicate is tried on its own, bound by the
 * gateway's own factories, to name the ones that fail; for every later route that also
 * matches, {@link RoutePrecedence} names the rule that put the winner first. Nothing is
 * sent anywhere.
 */
public final class RouteMatchExplainer {

	/**
	 * How many of the routes that came closest an explanation of a {@code 404} names.
	 */
	static final int CLOSEST = 3;

	/**
	 * How a route built without a definition (a {@code RouteLocator} bean) is named as a
	 * source.
	 */
	static final String ROUTE_LOCATOR = "a RouteLocator bean";

	private final RouteLocator routes;

	private final RouteDefinitionLocator definitions;

	private final RoutePrecedence precedence;

	private final RouteSpaces spaces;

	private final Map<String, RoutePredicateFactory<?>> predicates;

	private final ConfigurationService configurationService;

	private final SyntheticExchanges exchanges = new SyntheticExchanges();

	/**
	 * Create an explainer.
	 * @param routes the gateway's routes, in the order it tries them (its caching route
	 * locator)
	 * @param definitions the route definitions they are built from, in precedence
	 * @param precedence the precedence order
	 * @param spaces reads a route's paths, to tell how close a route that does not match
	 * comes
	 * @param predicates the gateway's predicate factories
	 * @param configurationService binds a predicate's arguments as the gateway does
	 */
	public RouteMatchExplainer(RouteLocator routes, RouteDefinitionLocator definitions, RoutePrecedence precedence,
			RouteSpaces spaces, List<RoutePredicateFactory<?>> predicates, ConfigurationService configurationService) {
		this.routes = routes;
		this.definitions = definitions;
		this.precedence = precedence;
		this.spaces = spaces;
		this.predicates = predicates.stream()
			.collect(Collectors.toMap(RoutePredicateFactory::name, Function.identity(), (first, second) -> second));
		this.configurationService = configurationService;
	}

	/**
	 * Explain which route a request matches.
	 * @param request the request
	 * @return the match
	 * @throws IllegalArgumentException if the request's host and path make no request URI
	 */
	public Mono<RouteMatch> explain(RequestDescription request) {
		SyntheticExchanges.uri(request);
		return Mono
			.zip(this.routes.getRoutes().collectList(),
					this.definitions.getRouteDefinitions().collectMap(RouteDefinition::getId))
			.flatMap((found) -> Flux.fromIterable(found.getT1())
				.concatMap((route) -> tried(request, route, found.getT2().get(route.getId())))
				.collectList())
			.map((tried) -> decide(request, tried));
	}

	/**
	 * Where a route is declared.
	 * @param route the route's definition, or {@code null} for a route built without one
	 * @return its route file, the gateway's own configuration, or a route locator bean
	 */
	public static String source(@Nullable RouteDefinition route) {
		if (route == null) {
			return ROUTE_LOCATOR;
		}
		Object file = route.getMetadata().get(PrecedenceRouteDefinitionLocator.ROUTE_FILE_METADATA);
		return (file != null) ? file.toString() : ClaimedRoute.APPLICATION;
	}

	/**
	 * A predicate as a route file declares it: {@code Path=/api/**}, or its named
	 * arguments.
	 * @param predicate the predicate
	 * @return its description
	 */
	public static String describe(PredicateDefinition predicate) {
		Map<String, String> args = predicate.getArgs();
		boolean shortcut = args.keySet().stream().allMatch((key) -> key.startsWith(NameUtils.GENERATED_NAME_PREFIX));
		return predicate.getName() + "=" + (shortcut ? String.join(",", args.values()) : args.toString());
	}

	private Mono<Tried> tried(RequestDescription request, Route route, @Nullable RouteDefinition definition) {
		return test(Mono.just(route.getPredicate()), request)
			.flatMap((matches) -> matches ? Mono.just(new Tried(route, definition, List.of()))
					: failed(request, route, definition).map((failed) -> new Tried(route, definition, failed)));
	}

	/**
	 * The route's declared predicates that fail, each tried on its own; a route whose
	 * predicates all pass on their own but not together (one built from an older
	 * definition) names its predicate as built.
	 */
	private Mono<List<String>> failed(RequestDescription request, Route route, @Nullable RouteDefinition definition) {
		List<PredicateDefinition> declared = (definition != null) ? definition.getPredicates() : List.of();
		return Flux.fromIterable(declared)
			.concatMap((predicate) -> failing(predicate, request))
			.collectList()
			.map((failed) -> failed.isEmpty() ? List.of(String.valueOf(route.getPredicate())) : failed);
	}

	/**
	 * A declared predicate, described, if it fails on its own.
	 */
	private Mono<String> failing(PredicateDefinition predicate, RequestDescription request) {
		return test(Mono.fromCallable(() -> bind(predicate)), request).filter((matches) -> !matches)
			.map((matches) -> describe(predicate));
	}

	/**
	 * Test a predicate on a fresh exchange; one that fails with an error does not match,
	 * as in {@code RoutePredicateHandlerMapping}.
	 */
	private Mono<Boolean> test(Mono<AsyncPredicate<ServerWebExchange>> predicate, RequestDescription request) {
		return predicate.flatMap((built) -> Mono.from(built.apply(this.exchanges.create(request))))
			.onErrorReturn(false)
			.defaultIfEmpty(false);
	}

	@SuppressWarnings("unchecked")
	private AsyncPredicate<ServerWebExchange> bind(PredicateDefinition predicate) {
		RoutePredicateFactory<Object> factory = (RoutePredicateFactory<Object>) this.predicates
			.get(predicate.getName());
		if (factory == null) {
			throw new IllegalArgumentException("unknown predicate '" + predicate.getName() + "'");
		}
		Object config = this.configurationService.with(factory)
			.name(predicate.getName())
			.properties(predicate.getArgs())
			.bind();
		return factory.applyAsync(config);
	}

	private RouteMatch decide(RequestDescription request, List<Tried> tried) {
		int winner = 0;
		while (winner < tried.size() && !tried.get(winner).matches()) {
			winner++;
		}
		if (winner == tried.size()) {
			String path = pathOf(request);
			List<RouteMatch.Miss> closest = tried.stream()
				.sorted(Comparator.comparingInt((Tried route) -> route.failed().size())
					.thenComparing(Comparator.comparingInt((Tried route) -> closeness(route, path)).reversed()))
				.limit(CLOSEST)
				.map(Tried::miss)
				.toList();
			return new RouteMatch(null, null, List.of(), List.of(), closest);
		}
		Tried answering = tried.get(winner);
		List<RouteMatch.Miss> missed = tried.subList(0, winner).stream().map(Tried::miss).toList();
		List<RouteMatch.Beaten> beaten = new ArrayList<>();
		for (Tried other : tried.subList(winner + 1, tried.size())) {
			if (other.matches()) {
				beaten.add(new RouteMatch.Beaten(other.route().getId(), source(other.definition()),
						rule(answering, other)));
			}
		}
		return new RouteMatch(answering.route(), answering.definition(), missed, beaten, List.of());
	}

	private PrecedenceRule rule(Tried winner, Tried other) {
		if (winner.definition() != null && other.definition() != null) {
			return this.precedence.decidingRule(winner.definition(), other.definition());
		}
		return (winner.route().getOrder() != other.route().getOrder()) ? PrecedenceRule.LOWER_ORDER
				: PrecedenceRule.DECLARED_EARLIER;
	}

	/**
	 * How far the request's path gets into the route's path patterns.
	 */
	private int closeness(Tried route, String path) {
		if (route.definition() == null) {
			return 0;
		}
		return this.spaces.of(route.definition())
			.paths()
			.stream()
			.mapToInt((pattern) -> pattern.matchingSegments(path))
			.max()
			.orElse(0);
	}

	private static String pathOf(RequestDescription request) {
		int query = request.path().indexOf('?');
		return (query >= 0) ? request.path().substring(0, query) : request.path();
	}

	private record Tried(Route route, @Nullable RouteDefinition definition, List<String> failed) {

		boolean matches() {
			return this.failed.isEmpty();
		}

		RouteMatch.Miss miss() {
			return new RouteMatch.Miss(this.route.getId(), source(this.definition), this.failed);
		}

	}

}
