package io.edgegateway.filters.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialSource;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.credential.resilience.IdpCircuitBreakers;
import io.edgegateway.filters.credential.resilience.IdpConcurrencyLimits;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A credential service whose service-account mode obtains tokens as the test says, with
 * the gateway's own timeout, breakers and limits around it: for tests of what the
 * credential service and the filters do with a credential, not of a provider.
 */
public final class TestCredentials {

	private TestCredentials() {
	}

	/**
	 * A credential service for the service-account mode.
	 * @param obtain what the mode's source answers for a user
	 * @param tokens the token cache, or {@code null} for none
	 * @return the service
	 */
	public static CredentialService serviceAccount(Function<SignedInUser, Mono<MintedToken>> obtain,
			@Nullable TokenService tokens) {
		CredentialStrategy strategy = new CredentialStrategy() {

			@Override
			public CredentialMode mode() {
				return CredentialMode.SERVICE_ACCOUNT;
			}

			@Override
			public CredentialSource prepare(CredentialSpec spec, Credentials credentials) {
				return (user) -> Mono.defer(() -> obtain.apply(user));
			}

		};
		return new CredentialService(List.of(strategy), Duration.ofSeconds(5), tokens,
				new IdpCircuitBreakers(new CredentialsProperties().getCircuitBreaker(), Clock.systemUTC()),
				new IdpConcurrencyLimits(16, Duration.ofSeconds(5)));
	}

}
