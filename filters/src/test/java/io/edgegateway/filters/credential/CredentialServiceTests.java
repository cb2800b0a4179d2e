package io.edgegateway.filters.credential;

import java.net.ConnectException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.edgegateway.filters.support.TestCredentials;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialServiceTests {

	private final AtomicInteger calls = new AtomicInteger();

	private final CredentialSpec spec = CredentialSpec.builder("reports", CredentialMode.SERVICE_ACCOUNT, "reports-sa")
		.build();

	@Test
	void prepareWhenProviderCouldNotBeConnectedOnceThenRetriedAndServed() {
		CredentialService service = service(() -> (this.calls.incrementAndGet() == 1)
				? Mono.error(new WebClientRequestException(new ConnectException("Connection refused"), HttpMethod.POST,
						URI.create("http://127.0.0.1:1/token"), HttpHeaders.EMPTY))
				: Mono.just(new MintedToken("t", Instant.now().plusSeconds(60))));
		StepVerifier.create(service.prepare(this.spec).obtain(user())).expectNextCount(1).verifyComplete();
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void prepareWhenProviderRefusesThenNotRetriedAndRefusalNamesRouteAndError() {
		CredentialService service = service(() -> {
			this.calls.incrementAndGet();
			return Mono.error(new OAuth2AuthorizationException(new OAuth2Error("invalid_scope")));
		});
		StepVerifier.create(service.prepare(this.spec).obtain(user()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(CredentialException.class, (failure) -> {
						assertThat(failure.getReason()).isEqualTo(CredentialException.Reason.REFUSED);
						assertThat(failure.getRouteId()).isEqualTo("reports");
						assertThat(failure.getErrorCode()).isEqualTo("invalid_scope");
					}))
			.verify();
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void prepareWhenSourceCompletesWithoutATokenThenNoTokenErrorNamingTheRoute() {
		CredentialService service = service(Mono::empty);
		StepVerifier.create(service.prepare(this.spec).obtain(user()))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(CredentialException.class, (failure) -> {
						assertThat(failure.getReason()).isEqualTo(CredentialException.Reason.NO_TOKEN);
						assertThat(failure.getRouteId()).isEqualTo("reports");
						assertThat(failure.getErrorCode()).isEqualTo("no_token");
					}))
			.verify();
	}

	private CredentialService service(Supplier<Mono<MintedToken>> mint) {
		return TestCredentials.serviceAccount((user) -> mint.get(), null);
	}

	private static SignedInUser user() {
		return new SignedInUser(new TestingAuthenticationToken("alice", "n/a", List.of()),
				new IdentityClaims("alice", null, null, List.of(), null, null), SignedInUser.Kind.SESSION);
	}

}
