package io.edgegateway.filters.token;

import java.time.Clock;
import java.time.Duration;

import io.edgegateway.filters.token.cache.InMemoryTokenCache;
import io.edgegateway.filters.token.cache.TokenCache;
import io.edgegateway.filters.tracing.Spans;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Builds every {@link TokenService} of the gateway from the parts they share: the shared
 * cache and lock (Redis, when configured), the shared cache's status, the metrics and the
 * clock. Each service gets a memory cache and a single flight of its own.
 */
public final class TokenServiceFactory {

	private final long localMaximumSize;

	private final @Nullable TokenCache shared;

	private final @Nullable MintLock lock;

	private final TokenCacheStatus status;

	private final TokenMetrics metrics;

	private final Clock clock;

	private Spans spans = Spans.off();

	/**
	 * Create the factory.
	 * @param localMaximumSize how many tokens each service keeps in memory
	 * @param shared the cache the replicas share, or {@code null} for none
	 * @param lock the replicas' mint lock, or {@code null} for none
	 * @param status the shared cache's status
	 * @param metrics where the services report
	 * @param clock the clock
	 */
	public TokenServiceFactory(long localMaximumSize, @Nullable TokenCache shared, @Nullable MintLock lock,
			TokenCacheStatus status, TokenMetrics metrics, Clock clock) {
		Assert.notNull(status, "status cannot be null");
		Assert.notNull(metrics, "metrics cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.localMaximumSize = localMaximumSize;
		this.shared = shared;
		this.lock = lock;
		this.status = status;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Record each service's lookups and mints as spans.
	 * @param spans the spans; {@link Spans#off()} by default
	 */
	public void setSpans(Spans spans) {
		Assert.notNull(spans, "spans cannot be null");
		this.spans = spans;
	}

	/**
	 * A token service.
	 * @param skew how long before its expiry a token is no longer served
	 * @param refreshAhead how long before the skew a token is re-minted in the background
	 * ({@link Duration#ZERO} for never)
	 * @return the service
	 */
	public TokenService create(Duration skew, Duration refreshAhead) {
		TieredTokenCache cache = new TieredTokenCache(new InMemoryTokenCache(this.localMaximumSize), this.shared,
				this.status, this.metrics, this.clock, skew);
		return new TokenService(cache, new SingleFlight(), new ReplicaMint(this.lock, cache),
				new RefreshAhead(this.clock, skew, refreshAhead), this.metrics, this.spans);
	}

}
