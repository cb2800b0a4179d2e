package io.edgegateway.filters.assertion;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jwt.JWTClaimsSet;
import io.edgegateway.filters.support.TestClock;
import io.edgegateway.filters.support.TestExchanges;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentityAssertionGatewayFilterFactoryTests {

	private final AssertionProperties properties = TestAssertionSigners.withEcKey("k1");

	private final AssertionSigner signer = TestAssertionSigners.signer(this.properties, TestClock.at(Instant.now()));

	private final IdentityAssertionGatewayFilterFactory factory = new IdentityAssertionGatewayFilterFactory(
			this.properties, new IdentityAssertions(this.signer, 100, TestClock.at(Instant.now())));

	@Test
	void filterWhenSignedInThenTheClientsAssertionIsReplacedByTheGatewaysOwn() throws Exception {
		GatewayFilter filter = this.factory.apply(config("orders"));
		HttpHeaders headers = upstreamHeaders(filter,
				MockServerHttpRequest.get("/api")
					.header("x-edge-assertion", "forged")
					.header("X-Edge-Assertion", "forged-too"),
				true);
		assertThat(headers.get("X-Edge-Assertion")).singleElement().isNotIn("forged", "forged-too");
		JWTClaimsSet claims = TestAssertionSigners.verify(headers.getFirst("X-Edge-Assertion"), this.signer, "orders");
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(((Ordered) filter).getOrder()).isEqualTo(IdentityAssertionGatewayFilterFactory.ORDER);
	}

	@Test
	void filterWhenAnonymousThenNoAssertionAndTheClientsRemoved() {
		HttpHeaders headers = upstreamHeaders(this.factory.apply(config("status")),
				MockServerHttpRequest.get("/status").header("X-Edge-Assertion", "forged"), false);
		assertThat(headers.containsHeader("X-Edge-Assertion")).isFalse();
	}

	@Test
	void filterWhenRouteNamesAnotherHeaderAndAudienceThenUsesThem() throws Exception {
		HttpHeaders headers = upstreamHeaders(
				this.factory.apply(config("orders").setHeader("X-Identity").setAudience("orders-api")),
				MockServerHttpRequest.get("/api"), true);
		assertThat(headers.containsHeader("X-Edge-Assertion")).isFalse();
		TestAssertionSigners.verify(headers.getFirst("X-Identity"), this.signer, "orders-api");
	}

	@Test
	void applyWhenClaimIsUnknownThenNamesRouteFieldAndTheKnownOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.apply(config("orders").setClaims(List.of("groups", "phone"))))
			.withMessage("route 'orders': claims: 'phone' is not an identity claim; known: "
					+ "[email, name, groups, tenant, idp]");
	}

	@Test
	void applyWhenHeaderIsInvalidThenNamesRouteAndField() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.apply(config("orders").setHeader("X Id")))
			.withMessage("route 'orders': header: 'X Id' is not a valid header name");
	}

	@Test
	void applyWhenNoKeyIsConfiguredThenNamesTheProperty() {
		IdentityAssertionGatewayFilterFactory unconfigured = new IdentityAssertionGatewayFilterFactory(
				new AssertionProperties(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> unconfigured.apply(config("orders")))
			.withMessage("route 'orders': IdentityAssertion: no signing key is configured "
					+ "(edge.assertion.keys.<kid>.private-key)");
	}

	private static IdentityAssertionGatewayFilterFactory.Config config(String routeId) {
		IdentityAssertionGatewayFilterFactory.Config config = new IdentityAssertionGatewayFilterFactory.Config();
		config.setRouteId(routeId);
		return config;
	}

	private static HttpHeaders upstreamHeaders(GatewayFilter filter, MockServerHttpRequest.BaseBuilder<?> request,
			boolean signedIn) {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		filter
			.filter(TestExchanges.onRoute(request, signedIn ? TestExchanges.ALICE : null),
					TestExchanges.recording(seen))
			.block();
		return seen.get().getRequest().getHeaders();
	}

}
