package io.edgegateway.filters.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

import io.edgegateway.filters.token.cache.TokenCache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The two cache levels as one: this replica's memory first, then the cache the replicas
 * share (Redis), which backfills memory. Only tokens with more than the skew left are
 * served, and a token is kept no longer than that. A failing shared cache is a miss,
 * never a failed request: it is counted, the status turns degraded, and the caller mints.
 */
final class TieredTokenCache {

	private static final Log logger = LogFactory.getLog(TieredTokenCache.class);

	private final TokenCache local;

	private final @Nullable TokenCache shared;

	private final TokenCacheStatus status;

	private final TokenMetrics metrics;

	private final Clock clock;

	private final Duration skew;

	TieredTokenCache(TokenCache local, @Nullable TokenCache shared, TokenCacheStatus status, TokenMetrics metrics,
			Clock clock, Duration skew) {
		this.local = local;
		this.shared = shared;
		this.status = status;
		this.metrics = metrics;
		this.clock = clock;
		this.skew = skew;
	}

	boolean isShared() {
		return this.shared != null;
	}

	/**
	 * A servable token from memory, else from the shared cache (kept in memory then).
	 */
	Mono<MintedToken> get(TokenKey key) {
		return lookup(CacheLevel.LOCAL, key, this.local.get(key)).switchIfEmpty(Mono.defer(() -> getShared(key)
			.flatMap((token) -> this.local.put(key, token, timeToLive(token)).thenReturn(token))));
	}

	/**
	 * A servable token from the shared cache only, as another replica may have stored it.
	 */
	Mono<MintedToken> getShared(TokenKey key) {
		if (this.shared == null) {
			return Mono.empty();
		}
		return lookup(CacheLevel.SHARED, key, shared((cache) -> cache.get(key)));
	}

	/**
	 * Keep a token at both levels for as long as it is servable.
	 */
	Mono<Void> put(TokenKey key, MintedToken token) {
		if (!isServable(token)) {
			return Mono.empty();
		}
		Duration timeToLive = timeToLive(token);
		return this.local.put(key, token, timeToLive).then(shared((cache) -> cache.put(key, token, timeToLive)));
	}

	Mono<Void> evict(TokenKey key) {
		return this.local.evict(key).then(shared((cache) -> cache.evict(key)));
	}

	Mono<Void> evictOwner(String owner) {
		return this.local.evictOwner(owner).then(shared((cache) -> cache.evictOwner(owner)));
	}

	Mono<Void> evictLocalOwner(String owner) {
		return this.local.evictOwner(owner);
	}

	/**
	 * Whether a token may be served: one without an expiry never is, since nothing says
	 * how long it may be kept.
	 */
	boolean isServable(MintedToken token) {
		Instant expiresAt = token.expiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt.minus(this.skew));
	}

	private Mono<MintedToken> lookup(CacheLevel level, TokenKey key, Mono<MintedToken> found) {
		return found.filter(this::isServable)
			.doOnNext((token) -> this.metrics.lookup(level, true, key.kind()))
			.switchIfEmpty(Mono.fromRunnable(() -> this.metrics.lookup(level, false, key.kind())));
	}

	private Duration timeToLive(MintedToken token) {
		return Duration.between(this.clock.instant(), Objects.requireNonNull(token.expiresAt()).minus(this.skew));
	}

	/**
	 * An operation on the shared cache, if there is one; a failure is recorded and read
	 * as nothing.
	 */
	private <T> Mono<T> shared(Function<TokenCache, Mono<T>> operation) {
		if (this.shared == null) {
			return Mono.empty();
		}
		return operation.apply(this.shared).doOnSuccess((ignored) -> this.status.succeeded()).onErrorResume((ex) -> {
			if (this.status.failure() == null) {
				logger.warn("Token cache in Redis failed, minting without it until it recovers: " + ex);
			}
			this.status.failed(ex);
			this.metrics.sharedCacheFailed();
			return Mono.empty();
		});
	}

}
