package io.edgegateway.filters.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.edgegateway.filters.token.cache.TokenCache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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

	private static final Duration LOCK_TIME_TO_LIVE = Duration.ofSeconds(10);

	private static final Duration LOCK_WAIT = Duration.ofSeconds(3);

	private static final Duration LOCK_POLL = Duration.ofMillis(20);

	private final TokenCache local;

	private final @Nullable TokenCache shared;

	private final SingleFlight flights;

	private final TokenCacheStatus status;

	private final Clock clock;

	private final Duration skew;

	private final Duration refreshAhead;

	private final @Nullable MintLock lock;

	private TokenMetrics metrics = TokenMetrics.NONE;

	/**
	 * Create a token service.
	 * @param local the in-process cache
	 * @param shared the shared cache, or {@code null} when there is none
	 * @param flights the single flight
	 * @param status the shared cache's status
	 * @param clock the clock
	 * @param skew how long before its expiry a token is no longer served
	 * @param refreshAhead how long before the skew a token is re-minted in the background
	 * @param lock the replicas' shared mint lock, or {@code null} when there is no shared
	 * cache
	 */
	public TokenService(TokenCache local, @Nullable TokenCache shared, SingleFlight flights, TokenCacheStatus status,
			Clock clock, Duration skew, Duration refreshAhead, @Nullable MintLock lock) {
		this.local = local;
		this.shared = shared;
		this.flights = flights;
		this.status = status;
		this.clock = clock;
		this.skew = skew;
		this.refreshAhead = refreshAhead;
		this.lock = lock;
	}

	/**
	 * Report to these metrics.
	 * @param metrics the metrics
	 */
	public void setMetrics(TokenMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * The token for a key: cached, or minted once however many ask at the same time.
	 * @param key the key
	 * @param mint how to mint it
	 * @return the token
	 */
	public Mono<MintedToken> token(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return Mono.deferContextual((context) -> cached(key)
			.doOnNext((token) -> refreshIfClose(key, token, mint, context))
			.switchIfEmpty(Mono
				.defer(() -> this.flights.run(key, () -> mintOnce(key, mint), () -> this.metrics.joined(key.kind())))));
	}

	/**
	 * Forget a key's token in both caches, e.g. after the upstream rejected it.
	 * @param key the key
	 * @return completion
	 */
	public Mono<Void> evict(TokenKey key) {
		return this.local.evict(key).then(shared((cache) -> cache.evict(key)).then());
	}

	/**
	 * Forget every token minted for a user, in both caches (logout).
	 * @param subject the user's subject
	 * @return completion
	 */
	public Mono<Void> evictUser(String subject) {
		String owner = TokenKey.owner(subject);
		return this.local.evictOwner(owner).then(shared((cache) -> cache.evictOwner(owner)).then());
	}

	/**
	 * Forget a user's tokens in this replica's memory only, when another replica
	 * announces a logout.
	 * @param owner the user, as {@link TokenKey#owner(String)}
	 * @return completion
	 */
	public Mono<Void> evictLocalOwner(String owner) {
		return this.local.evictOwner(owner);
	}

	private Mono<MintedToken> cached(TokenKey key) {
		return lookup("local", key, this.local.get(key))
			.switchIfEmpty(Mono.defer(() -> lookup("redis", key, shared((cache) -> cache.get(key)))
				.flatMap((token) -> this.local.put(key, token, timeToLive(token)).thenReturn(token))));
	}

	private Mono<MintedToken> lookup(String level, TokenKey key, Mono<MintedToken> found) {
		if (level.equals("redis") && this.shared == null) {
			return Mono.empty();
		}
		return found.filter(this::servable)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.doOnNext((token) -> this.metrics.lookup(level, token.isPresent(), key.kind()))
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * Mint a token missing everywhere: with a shared lock, the replica that takes it
	 * mints and the others wait (bounded) for its token to appear in the shared cache,
	 * then mint themselves if it does not.
	 */
	private Mono<MintedToken> mintOnce(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		MintLock lock = this.lock;
		if (lock == null) {
			return mintAndStore(key, mint);
		}
		return lock.tryAcquire(key, LOCK_TIME_TO_LIVE)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.onErrorResume((ex) -> Mono.just(Optional.of(Mono::empty)))
			.flatMap((held) -> held.isPresent() ? mintHoldingLock(key, mint, held.get())
					: mintedElsewhere(key).switchIfEmpty(Mono.defer(() -> mintAndStore(key, mint))));
	}

	/**
	 * With the lock, look once more: the replica that held it before may have stored the
	 * token in between.
	 */
	private Mono<MintedToken> mintHoldingLock(TokenKey key, Supplier<Mono<MintedToken>> mint, MintLock.Held held) {
		return shared((cache) -> cache.get(key)).filter(this::servable)
			.switchIfEmpty(Mono.defer(() -> mintAndStore(key, mint)))
			.flatMap((token) -> held.release().thenReturn(token))
			.onErrorResume((ex) -> held.release().then(Mono.error(ex)));
	}

	private Mono<MintedToken> mintedElsewhere(TokenKey key) {
		return Flux.range(0, (int) LOCK_WAIT.dividedBy(LOCK_POLL))
			.concatMap(
					(attempt) -> Mono.delay(LOCK_POLL).then(shared((cache) -> cache.get(key))).filter(this::servable))
			.next();
	}

	private Mono<MintedToken> mintAndStore(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return mint.get()
				.doOnSuccess((token) -> this.metrics.minted(key.kind(), token != null, since(start)))
				.doOnError((ex) -> this.metrics.minted(key.kind(), false, since(start)))
				.flatMap((token) -> store(key, token).thenReturn(token));
		});
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private Mono<Void> store(TokenKey key, MintedToken token) {
		if (!servable(token)) {
			return Mono.empty();
		}
		Duration timeToLive = timeToLive(token);
		return this.local.put(key, token, timeToLive)
			.then(shared((cache) -> cache.put(key, token, timeToLive).then(Mono.<MintedToken>empty())).then());
	}

	/**
	 * Mint anew in the background once a token is within the refresh-ahead window of the
	 * end of its servable life: the configured window, but at most half of that life, so
	 * a short-lived token is served a while before it is replaced instead of triggering a
	 * mint on every request.
	 */
	private void refreshIfClose(TokenKey key, MintedToken token, Supplier<Mono<MintedToken>> mint,
			ContextView context) {
		Instant servableUntil = token.expiresAt().minus(this.skew);
		Duration window = this.refreshAhead;
		if (token.issuedAt() != null) {
			Duration halfLife = Duration.between(token.issuedAt(), servableUntil).dividedBy(2);
			window = (halfLife.compareTo(window) < 0) ? halfLife : window;
		}
		if (this.clock.instant().isAfter(servableUntil.minus(window)) && !this.flights.isRunning(key)) {
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
