package io.edgegateway.filters.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.edgegateway.filters.token.cache.TokenCache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Every minted token goes through here: the in-process cache, then the shared cache
 * (Redis), then one mint per key (single flight), then both caches. A token is served
 * only while it has more than the skew left; a token close to expiry is served once more
 * while a new one is minted in the background for the next caller. A failing shared cache
 * is a miss, never a failed request: the status turns degraded and minting goes on.
 */
public final class TokenService {

	private static final Log logger = LogFactory.getLog(TokenService.class);

	private final TokenCache local;

	private final @Nullable TokenCache shared;

	private final SingleFlight flights;

	private final TokenCacheStatus status;

	private final Clock clock;

	private final Duration skew;

	private final Duration refreshAhead;

	/**
	 * Create a token service.
	 * @param local the in-process cache
	 * @param shared the shared cache, or {@code null} when there is none
	 * @param flights the single flight
	 * @param status the shared cache's status
	 * @param clock the clock
	 * @param skew how long before its expiry a token is no longer served
	 * @param refreshAhead how long before the skew a token is re-minted in the background
	 */
	public TokenService(TokenCache local, @Nullable TokenCache shared, SingleFlight flights, TokenCacheStatus status,
			Clock clock, Duration skew, Duration refreshAhead) {
		this.local = local;
		this.shared = shared;
		this.flights = flights;
		this.status = status;
		this.clock = clock;
		this.skew = skew;
		this.refreshAhead = refreshAhead;
	}

	/**
	 * The token for a key: cached, or minted once however many ask at the same time.
	 * @param key the key
	 * @param mint how to mint it
	 * @return the token
	 */
	public Mono<MintedToken> token(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return Mono
			.deferContextual((context) -> cached(key).doOnNext((token) -> refreshIfClose(key, token, mint, context))
				.switchIfEmpty(Mono.defer(() -> this.flights.run(key, () -> mintAndStore(key, mint)))));
	}

	/**
	 * Forget a key's token in both caches, e.g. after the upstream rejected it.
	 * @param key the key
	 * @return completion
	 */
	public Mono<Void> evict(TokenKey key) {
		return this.local.evict(key).then(shared((cache) -> cache.evict(key)).then());
	}

	private Mono<MintedToken> cached(TokenKey key) {
		return this.local.get(key)
			.filter(this::servable)
			.switchIfEmpty(Mono.defer(() -> shared((cache) -> cache.get(key)).filter(this::servable)
				.flatMap((token) -> this.local.put(key, token, timeToLive(token)).thenReturn(token))));
	}

	private Mono<MintedToken> mintAndStore(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return mint.get().flatMap((token) -> store(key, token).thenReturn(token));
	}

	private Mono<Void> store(TokenKey key, MintedToken token) {
		if (!servable(token)) {
			return Mono.empty();
		}
		Duration timeToLive = timeToLive(token);
		return this.local.put(key, token, timeToLive)
			.then(shared((cache) -> cache.put(key, token, timeToLive).then(Mono.<MintedToken>empty())).then());
	}

	private void refreshIfClose(TokenKey key, MintedToken token, Supplier<Mono<MintedToken>> mint,
			ContextView context) {
		Instant refreshFrom = token.expiresAt().minus(this.skew).minus(this.refreshAhead);
		if (this.clock.instant().isAfter(refreshFrom) && !this.flights.isRunning(key)) {
			this.flights.run(key, () -> mintAndStore(key, mint))
				.contextWrite(context)
				.subscribe(null, (ex) -> logger.warn("Refreshing " + key + " ahead of expiry failed: " + ex));
		}
	}

	private boolean servable(MintedToken token) {
		return token.expiresAt() != null && this.clock.instant().isBefore(token.expiresAt().minus(this.skew));
	}

	private Duration timeToLive(MintedToken token) {
		return Duration.between(this.clock.instant(), token.expiresAt().minus(this.skew));
	}

	/**
	 * An operation on the shared cache, if there is one; a failure is recorded and read
	 * as nothing.
	 */
	private <T> Mono<T> shared(java.util.function.Function<TokenCache, Mono<T>> operation) {
		if (this.shared == null) {
			return Mono.empty();
		}
		return operation.apply(this.shared).doOnSuccess((ignored) -> this.status.succeeded()).onErrorResume((ex) -> {
			if (this.status.failure() == null) {
				logger.warn("Token cache in Redis failed, minting without it until it recovers: " + ex);
			}
			this.status.failed(ex);
			return Mono.empty();
		});
	}

}
