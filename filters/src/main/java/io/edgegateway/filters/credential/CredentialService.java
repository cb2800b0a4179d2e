package io.edgegateway.filters.credential;

import java.net.ConnectException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.filters.credential.resilience.IdpCircuitBreakers;
import io.edgegateway.filters.credential.resilience.IdpConcurrencyLimits;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.filters.token.TokenKind;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.UserTokens;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Picks the strategy for a route's credential mode, bounds every call to the identity
 * provider in time (a slow provider ends in {@code 503} rather than a hanging request)
 * and in number (a burst of mints queues for a place instead of swamping the provider),
 * and sends every minted token through the {@link TokenService}, keyed by everything that
 * makes it different. Relayed tokens are the user's own and are not cached here.
 * <p>
 * Its length is the one place every route's credential is bounded (timeout, retry),
 * guarded (breaker, limit) and cached; split, the order of those operators would be
 * spread over several classes.
 */
public final class CredentialService {

	private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

	private final Map<CredentialMode, CredentialStrategy> strategies = new EnumMap<>(CredentialMode.class);

	private final Duration timeout;

	private final @Nullable TokenService tokens;

	private final IdpCircuitBreakers breakers;

	private final IdpConcurrencyLimits limits;

	/**
	 * Create a credential service.
	 * @param strategies the strategies, one per mode
	 * @param timeout the longest wait for a mint
	 * @param tokens the token cache, or {@code null} to mint every time
	 * @param breakers the circuit breakers in front of the identity provider
	 * @param limits how many mints may be in flight at the identity provider at once
	 */
	public CredentialService(List<CredentialStrategy> strategies, Duration timeout, @Nullable TokenService tokens,
			IdpCircuitBreakers breakers, IdpConcurrencyLimits limits) {
		Assert.notNull(timeout, "timeout cannot be null");
		strategies.forEach((strategy) -> this.strategies.put(strategy.mode(), strategy));
		this.timeout = timeout;
		this.tokens = tokens;
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
		CredentialSource source = strategy.prepare(spec, this::prepare);
		CredentialSource bounded = (user) -> {
			Mono<MintedToken> obtained = source.obtain(user)
				.switchIfEmpty(Mono
					.error(() -> CredentialException.noToken(spec.routeId(), spec.registration(), spec.mode())));
			if (!callsNoOne(spec, user)) {
				obtained = obtained
					.retryWhen(Retry.backoff(1, RETRY_BACKOFF).filter(CredentialService::neverReachedTheProvider))
					.timeout(this.timeout);
			}
			obtained = obtained
				.onErrorMap((ex) -> CredentialException.from(ex, spec.routeId(), spec.registration(), spec.mode()));
			String registration = calledRegistration(spec, user);
			return (registration != null)
					? this.limits.limit(registration, spec, this.breakers.guard(registration, spec, obtained))
					: obtained;
		};
		TokenService cache = this.tokens;
		TokenKind kind = spec.mode().tokenKind();
		if (cache == null || kind == null) {
			return bounded;
		}
		return new CredentialSource() {

			@Override
			public Mono<MintedToken> obtain(SignedInUser user) {
				return cache.token(keyFor(kind, spec, user), () -> bounded.obtain(user));
			}

			@Override
			public Mono<Void> forget(SignedInUser user) {
				return cache.evict(keyFor(kind, spec, user));
			}

		};
	}

	/**
	 * Forget every token minted for a user (not those of the user's browser sessions), on
	 * every replica.
	 * @param subject the user's subject
	 * @return completion
	 */
	public Mono<Void> forgetUser(String subject) {
		return (this.tokens != null) ? this.tokens.evictUser(subject) : Mono.empty();
	}

	/**
	 * Forget every token minted for one browser session, on every replica (its logout or
	 * revocation).
	 * @param session the session's token owner ({@link SignedInUser#tokenOwner()})
	 * @return completion
	 */
	public Mono<Void> forgetSession(String session) {
		return (this.tokens != null) ? this.tokens.evictSession(session) : Mono.empty();
	}

	/**
	 * Whether obtaining the credential calls no one: a bearer client's relayed token is
	 * the one it presented, so there is nothing to time out or retry (and no timer to
	 * schedule on every request).
	 */
	private static boolean callsNoOne(CredentialSpec spec, SignedInUser user) {
		return spec.mode() == CredentialMode.TOKEN_RELAY && spec.registration() == null
				&& user.kind() == SignedInUser.Kind.BEARER;
	}

	/**
	 * The registration the identity provider is called for, whose breaker and limit guard
	 * the call: the route's, or for token relay the one the user signed in with (its
	 * refresh); none for a bearer client's relay, which calls no one.
	 */
	private static @Nullable String calledRegistration(CredentialSpec spec, SignedInUser user) {
		if (spec.mode() != CredentialMode.TOKEN_RELAY || spec.registration() != null) {
			return spec.registration();
		}
		return UserTokens.signInRegistration(user);
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
	 * The cache key of a route's token for a user: the user is the subject at the issuer
	 * that signed them in, since two providers may both have an {@code alice}; a browser
	 * session's user has tokens of the session's own, which end with it.
	 */
	private static TokenKey keyFor(TokenKind kind, CredentialSpec spec, SignedInUser user) {
		boolean perUser = spec.mode() != CredentialMode.SERVICE_ACCOUNT;
		return TokenKey.builder(kind, spec.registration())
			.subject(perUser ? user.subject() : TokenKey.GATEWAY)
			.tenant(perUser ? user.claims().tenant() : null)
			.audience(spec.audience())
			.resource(spec.resource())
			.scopes(spec.scopes())
			.option("requested_token_type", spec.requestedTokenType())
			.option("subject_token_type", spec.subjectTokenType())
			.option("actor", spec.actorRegistration())
			.option("issuer", perUser ? user.claims().issuer() : null)
			.session(perUser ? user.tokenOwner() : null)
			.build();
	}

}
