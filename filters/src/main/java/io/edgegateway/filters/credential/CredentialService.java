package io.edgegateway.filters.credential;

import java.net.ConnectException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.edgegateway.filters.identity.IdentityClaimsResolver;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenService;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Picks the strategy for a route's credential mode, bounds every call to the identity
 * provider in time (a slow provider ends in {@code 503} rather than a hanging request)
 * and in number (a burst of mints queues for a place instead of swamping the provider),
 * and sends every minted token through the {@link TokenService}, keyed by everything that
 * makes it different. Relayed tokens are the user's own and are not cached here.
 */
public final class CredentialService {

	private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

	private final Map<CredentialMode, CredentialStrategy> strategies = new EnumMap<>(CredentialMode.class);

	private final Duration timeout;

	private final @Nullable TokenService tokens;

	private final IdentityClaimsResolver claimsResolver;

	private final IdpCircuitBreakers breakers;

	private final IdpConcurrencyLimits limits;

	/**
	 * Create a credential service.
	 * @param strategies the strategies, one per mode
	 * @param timeout the longest wait for a mint
	 * @param tokens the token cache, or {@code null} to mint every time
	 * @param claimsResolver reads the user a token is for
	 * @param breakers the circuit breakers in front of the identity provider
	 * @param limits how many mints may be in flight at the identity provider at once
	 */
	public CredentialService(List<CredentialStrategy> strategies, Duration timeout, @Nullable TokenService tokens,
			IdentityClaimsResolver claimsResolver, IdpCircuitBreakers breakers, IdpConcurrencyLimits limits) {
		Assert.notNull(timeout, "timeout cannot be null");
		strategies.forEach((strategy) -> this.strategies.put(strategy.mode(), strategy));
		this.timeout = timeout;
		this.tokens = tokens;
		this.claimsResolver = claimsResolver;
		this.breakers = breakers;
		this.limits = limits;
	}

	/**
	 * Prepare a route's credential.
	 * @param spec the route's credential spec
	 * @return the source of the route's tokens
	 * @throws InvalidCredentialSpecException if the spec cannot work with the gateway's
	 * configuration
	 */
	public CredentialSource prepare(CredentialSpec spec) {
		CredentialStrategy strategy = this.strategies.get(spec.mode());
		if (strategy == null) {
			throw new InvalidCredentialSpecException(spec.routeId(), "mode",
					spec.mode() + " is not available: no OAuth2 client is configured");
		}
		CredentialSource source = strategy.prepare(spec);
		CredentialSource bounded = (user) -> this.limits.limit(spec, this.breakers.guard(spec, source.obtain(user)
			.switchIfEmpty(
					Mono.error(() -> CredentialException.noToken(spec.routeId(), spec.registration(), spec.mode())))
			.retryWhen(Retry.backoff(1, RETRY_BACKOFF).filter(CredentialService::neverReachedTheProvider))
			.timeout(this.timeout)
			.onErrorMap((ex) -> CredentialException.from(ex, spec.routeId(), spec.registration(), spec.mode()))));
		TokenService cache = this.tokens;
		if (cache == null || spec.mode() == CredentialMode.TOKEN_RELAY) {
			return bounded;
		}
		return new CredentialSource() {

			@Override
			public Mono<MintedToken> obtain(Authentication user) {
				return keyFor(spec, user).map((key) -> cache.token(key, () -> bounded.obtain(user)))
					.orElseGet(() -> bounded.obtain(user));
			}

			@Override
			public Mono<Void> forget(Authentication user) {
				return keyFor(spec, user).map(cache::evict).orElseGet(Mono::empty);
			}

		};
	}

	/**
	 * Whether a mint failed before its request reached the identity provider (the
	 * connection could not be made), the one failure that is safe to retry: a request
	 * that reached it may have been processed, and a refusal is final.
	 */
	private static boolean neverReachedTheProvider(Throwable failure) {
		return failure instanceof WebClientRequestException
				&& NestedExceptionUtils.getRootCause(failure) instanceof ConnectException;
	}

	/**
	 * The cache key of a route's token for a user; none for a user without a subject,
	 * whose tokens are not cached.
	 */
	private Optional<TokenKey> keyFor(CredentialSpec spec, Authentication user) {
		return this.claimsResolver.resolve(user).map((identity) -> {
			boolean perUser = spec.mode() != CredentialMode.SERVICE_ACCOUNT;
			return TokenKey.builder(spec.mode().name(), spec.registration())
				.subject(perUser ? identity.subject() : TokenKey.GATEWAY)
				.tenant(perUser ? identity.tenant() : null)
				.audience(spec.audience())
				.resource(spec.resource())
				.scopes(spec.scopes())
				.options(spec.requestedTokenType() + "|" + spec.subjectTokenType() + "|" + spec.actorRegistration())
				.build();
		});
	}

}
