package io.edgegateway.filters.identity;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.edgegateway.filters.support.TestExchanges;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentityHeadersGatewayFilterFactoryTests {

	private final IdentityHeadersGatewayFilterFactory factory = new IdentityHeadersGatewayFilterFactory(
			IdentityHeaderInjector.from(new IdentityProperties()));

	private final GatewayFilter filter = this.factory.apply(new IdentityHeadersGatewayFilterFactory.Config());

	@Test
	void filterWhenSignedInThenSpoofedHeadersReplacedByTheUsersOwn() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		this.filter.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/api")
			.header("X-User-Id", "mallory")
			.header("x_tenant_id", "evil")
			.header("X-Real-IP", "10.9.9.9"), TestExchanges.ALICE), TestExchanges.recording(seen)).block();
		HttpHeaders headers = seen.get().getRequest().getHeaders();
		assertThat(headers.get("X-User-Id")).containsExactly("alice");
		assertThat(headers.get("X-Tenant-Id")).containsExactly("t1");
		assertThat(headers.get("X-User-Groups")).containsExactly("engineering");
		assertThat(headers.get("X-Request-Id")).containsExactly("req-1");
		assertThat(headers.containsHeader("x_tenant_id")).isFalse();
		assertThat(headers.containsHeader("X-Real-IP")).isFalse();
	}

	@Test
	void filterWhenAnonymousThenOnlyTheRequestIdIsSet() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		this.filter
			.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/").header("X-User-Id", "mallory"), null),
					TestExchanges.recording(seen))
			.block();
		HttpHeaders headers = seen.get().getRequest().getHeaders();
		assertThat(headers.containsHeader("X-User-Id")).isFalse();
		assertThat(headers.get("X-Request-Id")).containsExactly("req-1");
	}

	@Test
	void filterWhenRouteChoosesThenOnlyItsHeadersWhicheverOfItAndTheDefaultRunsLast() {
		GatewayFilter routes = this.factory
			.apply(config("analytics").setHeaders(List.of("user-id", "groups")).setGroupsPrefix("eng"));
		for (List<GatewayFilter> order : List.of(List.of(this.filter, routes), List.of(routes, this.filter))) {
			MockServerWebExchange exchange = TestExchanges.onRoute(
					MockServerHttpRequest.get("/api").header("X-User-Email", "mallory@example.com"),
					TestExchanges.ALICE);
			Route route = Route.async()
				.id("analytics")
				.uri("http://upstream")
				.predicate((ignored) -> true)
				.filters(List.of(new OrderedGatewayFilter(this.filter, 1), new OrderedGatewayFilter(routes, 1)))
				.build();
			exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
			AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
			order.get(0).filter(exchange, (first) -> order.get(1).filter(first, TestExchanges.recording(seen))).block();
			HttpHeaders headers = seen.get().getRequest().getHeaders();
			assertThat(headers.get("X-User-Id")).containsExactly("alice");
			assertThat(headers.get("X-User-Groups")).containsExactly("engineering");
			assertThat(headers.containsHeader("X-User-Email")).isFalse();
			assertThat(headers.containsHeader("X-Tenant-Id")).isFalse();
		}
	}

	@Test
	void applyWhenHeaderIsUnknownThenNamesTheRouteAndTheKnownOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.apply(config("analytics").setHeaders(List.of("groups", "phone"))))
			.withMessage("route 'analytics': headers: 'phone' is not an identity header; known: "
					+ "[user-id, email, groups, tenant, issuer]");
	}

	@Test
	void applyWhenGroupsPrefixIsBlankThenNamesTheRoute() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.apply(config("analytics").setGroupsPrefix(" ")))
			.withMessage("route 'analytics': groups-prefix: cannot be empty");
	}

	private static IdentityHeadersGatewayFilterFactory.Config config(String routeId) {
		IdentityHeadersGatewayFilterFactory.Config config = new IdentityHeadersGatewayFilterFactory.Config();
		config.setRouteId(routeId);
		return config;
	}

	@Test
	void toStringThenNamesTheFilter() {
		assertThat(this.filter.toString()).isEqualTo("[IdentityHeaders]");
	}

}
