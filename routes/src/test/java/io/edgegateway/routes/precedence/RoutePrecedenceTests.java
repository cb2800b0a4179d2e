package io.edgegateway.routes.precedence;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import io.edgegateway.routes.TestRouteDefinitionValidators;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class RoutePrecedenceTests {

	private final RouteSpaces spaces = TestRouteDefinitionValidators.routeSpaces();

	private final RoutePrecedence precedence = new RoutePrecedence(this.spaces);

	@Test
	void moreSpecificRoutesAreMatchedFirstWhateverTheirDeclaredOrder() {
		List<RouteDefinition> routes = List.of(route("catch-all", -100, "Path=/**"), route("api", -50, "Path=/api/**"),
				route("orders", 0, "Path=/api/orders/**"), route("order", 10, "Path=/api/orders/{id}"),
				route("exact", 20, "Path=/api/orders/new"), route("host", 30, "Host=shop.example.com", "Path=/**"),
				route("wildcard-host", 40, "Host=*.example.com", "Path=/**"),
				route("post-orders", 50, "Path=/api/orders/**", "Method=POST"));
		assertThat(ids(this.precedence.inPrecedence(routes))).containsExactly("host", "wildcard-host", "exact", "order",
				"post-orders", "orders", "api", "catch-all");
	}

	@Test
	void orderIsEachRoutesPlaceAndTheDeclaredRoutesAreLeftAsTheyWere() {
		RouteDefinition catchAll = route("catch-all", -100, "Path=/**");
		List<RouteDefinition> ordered = this.precedence
			.inPrecedence(List.of(catchAll, route("api", 5, "Path=/api/**")));
		assertThat(ordered).extracting(RouteDefinition::getOrder).containsExactly(0, 1);
		assertThat(catchAll.getOrder()).isEqualTo(-100);
	}

	@Test
	void atEqualSpecificityTheApplicationsRouteComesBeforeARouteFilesAndThenTheDeclaredOrderDecides() {
		RouteDefinition fromFile = route("team", -10, "Path=/api/**");
		fromFile.getMetadata().put(PrecedenceRouteDefinitionLocator.ROUTE_FILE_METADATA, "team.yaml");
		RouteDefinition later = route("later", 5, "Path=/api/**");
		RouteDefinition earlier = route("earlier", 1, "Path=/api/**");
		assertThat(ids(this.precedence.inPrecedence(List.of(fromFile, later, earlier)))).containsExactly("earlier",
				"later", "team");
	}

	@Test
	void theDeclaredOrderIsKeptAsMetadataAndPrecedenceHandsOnEveryRoute() {
		RouteDefinition catchAll = route("catch-all", -100, "Path=/**");
		PrecedenceRouteDefinitionLocator locator = new PrecedenceRouteDefinitionLocator(
				() -> Flux.just(catchAll, route("api", 5, "Path=/api/**")), this.precedence);
		List<RouteDefinition> ordered = locator.getRouteDefinitions().collectList().block();
		assertThat(ids(ordered)).containsExactly("api", "catch-all");
		assertThat(ordered).extracting((route) -> route.getMetadata().get(RoutePrecedence.DECLARED_ORDER_METADATA))
			.containsExactly(5, -100);
	}

	@Test
	void theRuleThatPutsARouteFirstIsTheFirstStepThatTellsTheTwoApart() {
		RouteDefinition orders = route("orders", 0, "Path=/api/orders/**");
		assertThat(rule(route("host", 0, "Host=shop.example.com", "Path=/**"), route("catch-all", -100, "Path=/**")))
			.isEqualTo(PrecedenceRule.MORE_SPECIFIC_HOST);
		assertThat(rule(route("exact-host", 0, "Host=shop.example.com"), route("any-shop", 0, "Host=*.example.com")))
			.isEqualTo(PrecedenceRule.MORE_SPECIFIC_HOST);
		assertThat(rule(route("api", 0, "Path=/api/**"), route("catch-all", -100, "Path=/**")))
			.isEqualTo(PrecedenceRule.LONGER_PATH_PREFIX);
		assertThat(rule(route("order", 0, "Path=/api/orders/{id}"), orders)).isEqualTo(PrecedenceRule.FIXED_LENGTH);
		assertThat(rule(route("post", 0, "Path=/api/orders/**", "Method=POST"), orders))
			.isEqualTo(PrecedenceRule.MORE_PREDICATES);
		RouteDefinition fromFile = route("team-orders", -10, "Path=/api/orders/**");
		fromFile.getMetadata().put(PrecedenceRouteDefinitionLocator.ROUTE_FILE_METADATA, "team.yaml");
		assertThat(rule(orders, fromFile)).isEqualTo(PrecedenceRule.APPLICATION_ROUTE_FIRST);
		assertThat(rule(route("low", -1, "Path=/api/orders/**"), orders)).isEqualTo(PrecedenceRule.LOWER_ORDER);
		assertThat(rule(orders, route("twin", 0, "Path=/api/orders/**"))).isEqualTo(PrecedenceRule.DECLARED_EARLIER);
	}

	@Test
	void aPathGetsAsFarIntoAPatternAsItsLeadingSegmentsMatch() {
		assertThat(SegmentPattern.path("/finance/**").matchingSegments("/finance/ledger")).isEqualTo(2);
		assertThat(SegmentPattern.path("/finance/reports/{id}").matchingSegments("/finance/ledger")).isEqualTo(1);
		assertThat(SegmentPattern.path("/shop/**").matchingSegments("/finance/ledger")).isZero();
		assertThat(SegmentPattern.path("/finance/{page}").matchingSegments("/finance")).isEqualTo(1);
	}

	@Test
	void overlapsOnlyWhereAHostAndAPathCanMatchBoth() {
		assertThat(overlap("Path=/api/**", "Path=/api/orders")).isTrue();
		assertThat(overlap("Path=/api/{id}/items", "Path=/api/orders/{x}")).isTrue();
		assertThat(overlap("Path=/api/**", "Path=/apis/**")).isFalse();
		assertThat(overlap("Path=/a/*/c", "Path=/a/b/d")).isFalse();
		assertThat(overlap("Path=/api/**", "Path=/api")).isTrue();
		assertThat(overlap("Path=/x/**,/api/**", "Path=/api/y")).isTrue();
		assertThat(overlap("Host=a.example.com", "Host=*.example.com")).isTrue();
		assertThat(overlap("Host=a.example.com", "Host=b.example.com")).isFalse();
		assertThat(overlap("Host=**.example.com", "Host=a.b.example.com")).isTrue();
		assertThat(overlap("Host=A.Example.com:443", "Host=a.example.com")).isTrue();
		assertThat(overlap("Host=a.example.com", "Path=/api/**")).isTrue();
	}

	@Test
	void aPatternIsWithinAPrefixWhenItsLeadingSegmentsAreThePrefixLiterally() {
		SegmentPattern prefix = SegmentPattern.path("/api/payments");
		assertThat(SegmentPattern.path("/api/payments/**").within(prefix)).isTrue();
		assertThat(SegmentPattern.path("/api/payments").within(prefix)).isTrue();
		assertThat(SegmentPattern.path("/api/paymentsx/**").within(prefix)).isFalse();
		assertThat(SegmentPattern.path("/api/{any}/**").within(prefix)).isFalse();
		assertThat(SegmentPattern.path("/**").within(prefix)).isFalse();
		assertThat(SegmentPattern.path("/anything/**").within(SegmentPattern.path("/"))).isTrue();
		SegmentPattern hosts = SegmentPattern.hostGrant("*.pay.example.com");
		assertThat(SegmentPattern.host("eu.pay.example.com").within(hosts)).isTrue();
		assertThat(SegmentPattern.host("**.pay.example.com").within(hosts)).isTrue();
		assertThat(SegmentPattern.host("pay.example.com").within(hosts)).isFalse();
		assertThat(SegmentPattern.host("*.example.com").within(hosts)).isFalse();
	}

	/**
	 * The rule by which the first route, declared first, comes before the second.
	 */
	private PrecedenceRule rule(RouteDefinition first, RouteDefinition second) {
		List<RouteDefinition> ordered = this.precedence.inPrecedence(List.of(first, second));
		assertThat(ids(ordered)).containsExactly(first.getId(), second.getId());
		return this.precedence.decidingRule(ordered.get(0), ordered.get(1));
	}

	private boolean overlap(String first, String second) {
		return this.spaces.of(route("a", 0, first)).overlaps(this.spaces.of(route("b", 0, second)));
	}

	private static List<String> ids(List<RouteDefinition> routes) {
		return routes.stream().map(RouteDefinition::getId).toList();
	}

	private static RouteDefinition route(String id, int order, String... predicates) {
		RouteDefinition route = new RouteDefinition();
		route.setId(id);
		route.setUri(URI.create("http://upstream.internal"));
		route.setOrder(order);
		route.setPredicates(Stream.of(predicates).map(PredicateDefinition::new).toList());
		return route;
	}

}
