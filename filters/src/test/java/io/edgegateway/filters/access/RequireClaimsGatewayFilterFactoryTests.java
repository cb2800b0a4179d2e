package io.edgegateway.filters.access;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.edgegateway.filters.support.TestExchanges;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequireClaimsGatewayFilterFactoryTests {

	private final RequireClaimsGatewayFilterFactory factory = new RequireClaimsGatewayFilterFactory();

	@Test
	void filterWhenEveryRuleHoldsThenTheChainRuns() {
		GatewayFilter filter = filter(new RequireClaimsGatewayFilterFactory.Config().setGroups(List.of("engineering"))
			.setScopes(List.of("reports.read"))
			.setTenants(List.of("t1")));
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		filter
			.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/"), TestExchanges.ALICE),
					TestExchanges.recording(seen))
			.block();
		assertThat(seen.get()).isNotNull();
	}

	@Test
	void filterWhenARuleFailsThenAccessRuleExceptionNamingRouteAndRuleAndTheChainNeverRuns() {
		GatewayFilter filter = filter(new RequireClaimsGatewayFilterFactory.Config().setGroups(List.of("finance")));
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		StepVerifier
			.create(filter.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/"), TestExchanges.ALICE),
					TestExchanges.recording(seen)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(AccessRuleException.class, (denial) -> {
				assertThat(denial.getRouteId()).isEqualTo("reports");
				assertThat(denial.getRule()).contains("finance");
			}))
			.verify();
		assertThat(seen.get()).isNull();
	}

	@Test
	void filterWhenNoUserThenSignInRequiredAndTheChainNeverRuns() {
		GatewayFilter filter = filter(new RequireClaimsGatewayFilterFactory.Config().setGroups(List.of("engineering")));
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		StepVerifier
			.create(filter.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/"), null),
					TestExchanges.recording(seen)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(AccessRuleException.class,
					(denial) -> assertThat(denial.getRule()).isNull()))
			.verify();
		assertThat(seen.get()).isNull();
	}

	@Test
	void toStringThenShowsTheRules() {
		assertThat(filter(new RequireClaimsGatewayFilterFactory.Config().setGroups(List.of("finance"))).toString())
			.startsWith("[[RequireClaims rules = ")
			.contains("finance");
	}

	private GatewayFilter filter(RequireClaimsGatewayFilterFactory.Config config) {
		config.setRouteId("reports");
		return this.factory.apply(config);
	}

}
