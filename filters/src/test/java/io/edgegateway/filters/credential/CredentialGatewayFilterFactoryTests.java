package io.edgegateway.filters.credential;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.edgegateway.filters.credential.serviceaccount.ServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.support.TestCredentials;
import io.edgegateway.filters.support.TestExchanges;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.SignedInUser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape every credential filter shares, through {@code ServiceAccount}: the token the
 * route's credential yields replaces whatever {@code Authorization} the client sent, and
 * without a user or without a token the upstream is never called.
 */
class CredentialGatewayFilterFactoryTests {

	private static final MintedToken TOKEN = new MintedToken("minted", Instant.now().plusSeconds(300));

	@Test
	void filterWhenTokenObtainedThenItReplacesTheClientsAuthorizationAndIsAudited() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		MockServerWebExchange exchange = TestExchanges.onRoute(
				MockServerHttpRequest.get("/reports").header("Authorization", "Bearer forged"), TestExchanges.ALICE);
		filter((user) -> Mono.just(TOKEN)).filter(exchange, TestExchanges.recording(seen)).block();
		assertThat(seen.get().getRequest().getHeaders().get("Authorization")).containsExactly("Bearer minted");
		RouteCredential credential = exchange.getAttribute(RouteCredential.ATTRIBUTE);
		assertThat(credential.fingerprint()).isEqualTo(TOKEN.fingerprint());
		assertThat(credential.spec().registration()).isEqualTo("reports-sa");
	}

	@Test
	void filterWhenCredentialEndsWithoutTokenThenNoTokenErrorAndTheChainNeverRuns() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		StepVerifier
			.create(filter((user) -> Mono.empty()).filter(
					TestExchanges.onRoute(MockServerHttpRequest.get("/reports"), TestExchanges.ALICE),
					TestExchanges.recording(seen)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(CredentialException.class,
					(failure) -> assertThat(failure.getReason()).isEqualTo(CredentialException.Reason.NO_TOKEN)))
			.verify();
		assertThat(seen.get()).isNull();
	}

	@Test
	void filterWhenNoUserThenSignInRequiredAndTheChainNeverRuns() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		StepVerifier
			.create(filter((user) -> Mono.just(TOKEN)).filter(
					TestExchanges.onRoute(MockServerHttpRequest.get("/reports"), null), TestExchanges.recording(seen)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(CredentialException.class,
					(failure) -> assertThat(failure.getReason())
						.isEqualTo(CredentialException.Reason.SIGN_IN_REQUIRED)))
			.verify();
		assertThat(seen.get()).isNull();
	}

	@Test
	void toStringThenNamesTheFilterAndTheCredentialNeverASecret() {
		assertThat(filter((user) -> Mono.just(TOKEN)).toString())
			.isEqualTo("[ServiceAccount registration = 'reports-sa', scopes = list['reports.read']]");
	}

	private static GatewayFilter filter(Function<SignedInUser, Mono<MintedToken>> obtain) {
		ServiceAccountGatewayFilterFactory.Config config = new ServiceAccountGatewayFilterFactory.Config();
		config.setRouteId("reports");
		config.setRegistration("reports-sa").setScope("reports.read");
		return new ServiceAccountGatewayFilterFactory(TestCredentials.serviceAccount(obtain, null)).apply(config);
	}

}
