package io.edgegateway.filters.token;

import java.time.Duration;

import io.edgegateway.filters.token.TokenMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The token service's metrics in Micrometer:
 * <ul>
 * <li>{@code edge.token.cache.lookups} (tags {@code level} = local|redis, {@code result}
 * = hit|miss, {@code mode})
 * <li>{@code edge.token.mints} (timer; tags {@code mode}, {@code outcome} =
 * success|error)
 * <li>{@code edge.token.single_flight.joins} (tag {@code mode}): requests that waited for
 * a running mint
 * <li>{@code edge.token.cache.redis.errors}: failed or timed-out Redis operations
 * </ul>
 */
public final class MicrometerTokenMetrics implements TokenMetrics {

	private final MeterRegistry registry;

	public MicrometerTokenMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void lookup(CacheLevel level, boolean hit, TokenKind kind) {
		this.registry
			.counter("edge.token.cache.lookups", "level", level.tag(), "result", hit ? "hit" : "miss", "mode",
					kind.name())
			.increment();
	}

	@Override
	public void joined(TokenKind kind) {
		this.registry.counter("edge.token.single_flight.joins", "mode", kind.name()).increment();
	}

	@Override
	public void minted(TokenKind kind, boolean success, Duration duration) {
		this.registry.timer("edge.token.mints", "mode", kind.name(), "outcome", success ? "success" : "error")
			.record(duration);
	}

	@Override
	public void sharedCacheFailed() {
		this.registry.counter("edge.token.cache.redis.errors").increment();
	}

}
