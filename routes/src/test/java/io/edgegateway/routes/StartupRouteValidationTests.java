package io.edgegateway.routes;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Routes of the application's configuration pass no schema: their URI's scheme is checked
 * at startup, with their predicates and filters.
 */
class StartupRouteValidationTests {

	private final RouteDefinitionValidator validator = TestRouteDefinitionValidators.pathAndAddRequestHeader();

	@Test
	void afterSingletonsInstantiatedWhenAConfiguredUriHasNoSchemeThenStartupFailsNamingRouteAndUri() {
		RouteDefinition route = route("orders", "orders.internal", "Pth=/orders/**");
		assertThatExceptionOfType(InvalidRoutesException.class)
			.isThrownBy(
					() -> new StartupRouteValidation(() -> Flux.just(route), new GatewayProperties(), this.validator)
						.afterSingletonsInstantiated())
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getProblems())
				.containsExactly("route 'orders': uri: 'orders.internal' needs a scheme (http, https, lb, ...)",
						"route 'orders': predicates: unknown predicate 'Pth'; known: [Path]"));
	}

	@Test
	void afterSingletonsInstantiatedWhenConfiguredRoutesAreValidThenStarts() {
		RouteDefinition route = route("orders", "lb://orders", "Path=/orders/**");
		assertThatNoException().isThrownBy(
				() -> new StartupRouteValidation(() -> Flux.just(route), new GatewayProperties(), this.validator)
					.afterSingletonsInstantiated());
	}

	private static RouteDefinition route(String id, String uri, String predicate) {
		RouteDefinition route = new RouteDefinition();
		route.setId(id);
		route.setUri(URI.create(uri));
		route.setPredicates(List.of(new PredicateDefinition(predicate)));
		return route;
	}

}
