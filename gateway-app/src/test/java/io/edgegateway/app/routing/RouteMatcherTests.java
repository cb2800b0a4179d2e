package io.edgegateway.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.WeightRoutePredicateFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.WeightConfig;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match before the security chain: Spring Cloud Gateway's first-match rule over the
 * routes of the last refresh, remembered on the exchange, and nothing matched while no
 * route is public or when a route's predicates can only be decided later.
 */
class RouteMatcherTests {

	private static final PathRoutePredicateFactory PATH = new PathRoutePredicateFactory(new WebFluxProperties());

	private final List<Route> routes = new ArrayList<>();

	private final RouteMatcher matcher = new RouteMatcher(() -> Flux.fromIterable(this.routes));

	@Test
	void isPublicWhenNoRouteIsPublicThenNothingIsMatched() {
		AtomicInteger evaluated = new AtomicInteger();
		this.routes.add(Route.async().id("home").uri("http://home.internal").predicate((exchange) -> {
			evaluated.incrementAndGet();
			return true;
		}).build());
		refresh();
		MockServerWebExchange exchange = get("/status");
		assertThat(this.matcher.hasPublicRoutes()).isFalse();
		assertThat(this.matcher.isPublic(exchange).block()).isFalse();
		assertThat(evaluated).hasValue(0);
		assertThat(exchange.getAttributes()).doesNotContainKey(RouteMatch.ATTRIBUTE);
	}

	@Test
	void isPublicWhenRoutesMatchThenTheFirstInOrderDecidesAndIsRemembered() {
		this.routes.add(route("status-admin", "/status/admin/**", Map.of()));
		this.routes.add(route("status", "/status/**", Map.of("auth", "public")));
		this.routes.add(route("home", "/**", Map.of()));
		refresh();
		assertThat(this.matcher.hasPublicRoutes()).isTrue();
		assertMatch("/status/admin/users", false, "status-admin");
		assertMatch("/status/health", true, "status");
		assertMatch("/orders", false, "home");
	}

	@Test
	void isPublicWhenNoRouteMatchesThenRememberedAsNoRoute() {
		this.routes.add(route("status", "/status/**", Map.of("auth", "public")));
		refresh();
		MockServerWebExchange exchange = get("/orders");
		assertThat(this.matcher.isPublic(exchange).block()).isFalse();
		assertThat(exchange.<RouteMatch>getAttribute(RouteMatch.ATTRIBUTE)).isEqualTo(RouteMatch.NONE);
	}

	@Test
	void isPublicWhenAnUnknownAuthValueThenNotPublic() {
		this.routes.add(route("status", "/status/**", Map.of("auth", "Public")));
		this.routes.add(route("other", "/other/**", Map.of("auth", "public")));
		refresh();
		assertMatch("/status/health", false, "status");
	}

	/**
	 * A weighted route's pick is made after the security chain: matched here, it would
	 * never match, and the public catch-all behind it would take its requests. Matching
	 * stops at it; a public route before it stays public.
	 */
	@Test
	void isPublicWhenAWeightedRouteComesBeforeAMatchThenLeftToTheHandlerMapping() {
		this.routes.add(route("status", "/status/**", Map.of("auth", "public")));
		this.routes.add(Route.async()
			.id("orders-canary")
			.uri("http://canary.internal")
			.asyncPredicate(PATH.applyAsync(new PathRoutePredicateFactory.Config().setPatterns(List.of("/orders/**"))))
			.and(new WeightRoutePredicateFactory().applyAsync(new WeightConfig("orders", "orders-canary", 10)))
			.build());
		this.routes.add(route("site", "/**", Map.of("auth", "public")));
		refresh();
		for (String path : List.of("/orders/1", "/about")) {
			MockServerWebExchange exchange = get(path);
			assertThat(this.matcher.isPublic(exchange).block()).as(path).isFalse();
			assertThat(exchange.getAttributes()).as(path).doesNotContainKey(RouteMatch.ATTRIBUTE);
		}
		assertMatch("/status/health", true, "status");
	}

	@Test
	void isPublicWhenTheOnlyPublicRouteComesAfterAWeightedRouteThenNothingIsMatched() {
		this.routes.add(Route.async()
			.id("orders-canary")
			.uri("http://canary.internal")
			.asyncPredicate(
					new WeightRoutePredicateFactory().applyAsync(new WeightConfig("orders", "orders-canary", 10)))
			.build());
		this.routes.add(route("site", "/**", Map.of("auth", "public")));
		refresh();
		assertThat(this.matcher.hasPublicRoutes()).isFalse();
	}

	@Test
	void isPublicWhenRoutesAreRefreshedThenTheRefreshedRoutesDecide() {
		assertThat(this.matcher.isPublic(get("/status/health")).block()).isFalse();
		this.routes.add(route("status", "/status/**", Map.of("auth", "public")));
		assertThat(this.matcher.hasPublicRoutes()).as("before the refresh").isFalse();
		refresh();
		assertMatch("/status/health", true, "status");
		this.routes.set(0, route("status", "/status/**", Map.of()));
		this.matcher.onApplicationEvent(new RefreshRoutesResultEvent(this, new IllegalStateException("failed")));
		assertMatch("/status/health", true, "status");
		refresh();
		assertThat(this.matcher.hasPublicRoutes()).isFalse();
	}

	private void assertMatch(String path, boolean isPublic, String routeId) {
		MockServerWebExchange exchange = get(path);
		assertThat(this.matcher.isPublic(exchange).block()).as(path).isEqualTo(isPublic);
		RouteMatch match = exchange.getAttribute(RouteMatch.ATTRIBUTE);
		assertThat(match).as(path).isNotNull();
		assertThat(match.route()).as(path).isNotNull();
		assertThat(match.route().getId()).as(path).isEqualTo(routeId);
	}

	private void refresh() {
		this.matcher.onApplicationEvent(new RefreshRoutesResultEvent(this));
	}

	static Route route(String id, String pattern, Map<String, Object> metadata) {
		return Route.async()
			.id(id)
			.uri("http://" + id + ".internal")
			.asyncPredicate(PATH.applyAsync(new PathRoutePredicateFactory.Config().setPatterns(List.of(pattern))))
			.metadata(metadata)
			.build();
	}

	private static MockServerWebExchange get(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path));
	}

}
