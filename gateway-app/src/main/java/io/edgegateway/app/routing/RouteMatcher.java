package io.edgegateway.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.edgegateway.routes.metadata.RouteAuth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.predicate.VersionRoutePredicateFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.WeightConfig;
import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;

/**
 * Matches a request to its route before the security chain, so that the chain knows
 * whether the route is public, by Spring Cloud Gateway's own rule: the first route, in
 * order, whose predicates match ({@code RoutePredicateHandlerMapping.lookupRoute}). The
 * match is kept on the exchange ({@link RouteMatch}), and the handler mapping routes the
 * request by it ({@link MatchedRouteHandlerMapping}), so a request is matched once.
 * <p>
 * While no route is public nothing is matched here: the security chain needs no route,
 * and the handler mapping matches as it always has. The routes are those of the last
 * refresh ({@link RefreshRoutesResultEvent}): a request matched here is routed by the
 * same routes, even while a refresh is applied.
 * <p>
 * Two of Spring Cloud Gateway's predicates read what is decided after the security chain:
 * {@code Weight} (the group's pick, made by {@code WeightCalculatorWebFilter}) and
 * {@code Version} (the request's API version, read by the handler mapping). Matching
 * stops at the first such route: a request that no route before it matches is left
 * unmatched here, treated as not public, and matched by the handler mapping itself. A
 * public route after it therefore needs a signed-in user, and a warning says so when the
 * routes are refreshed.
 */
public final class RouteMatcher implements ApplicationListener<RefreshRoutesResultEvent> {

	private static final Log logger = LogFactory.getLog(RouteMatcher.class);

	private static final Mono<Boolean> NOT_PUBLIC = Mono.just(false);

	private static final Mono<Boolean> MATCHED = Mono.just(true);

	private static final Mono<Boolean> NOT_MATCHED = Mono.just(false);

	private final RouteLocator locator;

	private volatile Routes routes = Routes.NONE;

	/**
	 * Create the matcher.
	 * @param locator the gateway's routes, in order
	 */
	public RouteMatcher(RouteLocator locator) {
		Assert.notNull(locator, "locator cannot be null");
		this.locator = locator;
	}

	@Override
	public void onApplicationEvent(RefreshRoutesResultEvent event) {
		if (event.isSuccess()) {
			this.locator.getRoutes().collectList().subscribe((refreshed) -> this.routes = Routes.of(refreshed));
		}
	}

	/**
	 * Whether any route is public: until one is, no request is matched here.
	 * @return whether a route is public
	 */
	public boolean hasPublicRoutes() {
		return this.routes.anyPublic();
	}

	/**
	 * Whether the request's route is public. When some route is, the request is matched
	 * and the match kept on the exchange ({@link RouteMatch#ATTRIBUTE}).
	 * @param exchange the exchange
	 * @return whether the first route that matches is public; {@code false} when none
	 * does, or when the request was not matched here
	 */
	public Mono<Boolean> isPublic(ServerWebExchange exchange) {
		Routes current = this.routes;
		if (!current.anyPublic()) {
			return NOT_PUBLIC;
		}
		return Flux.fromIterable(current.candidates())
			.filterWhen((candidate) -> candidate.deferred() ? MATCHED : matches(candidate.route(), exchange))
			.next()
			.map((candidate) -> !candidate.deferred() && remember(exchange, new RouteMatch(candidate.route())))
			.switchIfEmpty(Mono.fromSupplier(() -> remember(exchange, RouteMatch.NONE)));
	}

	/**
	 * Apply a route's predicates, as the handler mapping does.
	 */
	private static Publisher<Boolean> matches(Route route, ServerWebExchange exchange) {
		exchange.getAttributes().put(GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
		try {
			return route.getPredicate().apply(exchange);
		}
		catch (RuntimeException ex) {
			logger.error("Error applying predicate for route: " + route.getId(), ex);
			return NOT_MATCHED;
		}
	}

	private static boolean remember(ServerWebExchange exchange, RouteMatch match) {
		exchange.getAttributes().put(RouteMatch.ATTRIBUTE, match);
		return match.isPublic();
	}

	/**
	 * The routes of the last refresh that can be matched before the security chain.
	 *
	 * @param candidates the routes in order, up to and with the first that can only be
	 * matched after it
	 * @param anyPublic whether one of them is public
	 */
	private record Routes(List<Candidate> candidates, boolean anyPublic) {

		static final Routes NONE = new Routes(List.of(), false);

		static Routes of(List<Route> routes) {
			List<Candidate> candidates = new ArrayList<>();
			boolean anyPublic = false;
			for (Route route : routes) {
				boolean isPublic = RouteAuth.isPublic(route.getMetadata());
				Candidate last = candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
				if (last != null && last.deferred()) {
					if (isPublic) {
						logger.warn("Route '" + route.getId() + "' is public, but comes after route '"
								+ last.route().getId() + "', whose Weight or Version predicate is decided after "
								+ "sign-in: its requests need a signed-in user; order public routes before it");
					}
					continue;
				}
				anyPublic |= isPublic;
				candidates.add(new Candidate(route, isDeferred(route)));
			}
			return new Routes(List.copyOf(candidates), anyPublic);
		}

		private static boolean isDeferred(Route route) {
			AtomicBoolean deferred = new AtomicBoolean();
			route.getPredicate().accept((predicate) -> {
				Object config = predicate.getConfig();
				if (config instanceof WeightConfig || config instanceof VersionRoutePredicateFactory.Config) {
					deferred.set(true);
				}
			});
			return deferred.get();
		}

	}

	/**
	 * A route, and whether it can only be matched after the security chain.
	 */
	private record Candidate(Route route, boolean deferred) {
	}

}
