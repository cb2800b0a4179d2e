package io.edgegateway.app.cache;

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
class MicrometerTokenMetrics implements TokenMetrics {

	private final MeterRegistry registry;

	MicrometerTokenMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void lookup(String level, boolean hit, String kind) {
		this.registry.counter("edge.token.cache.lookups", "level", level, "result", hit ? "hit" : "miss", "mode", kind)
			.increment();
	}

	@Override
	public void joined(String kind) {
		this.registry.counter("edge.token.single_flight.joins", "mode", kind).increment();
	}

	@Override
	public void minted(String kind, boolean success, Duration duration) {
		this.registry.timer("edge.token.mints", "mode", kind, "outcome", success ? "success" : "error")
			.record(duration);
	}

	@Override
	public void sharedCacheFailed() {
		this.registry.counter("edge.token.cache.redis.errors").increment();
	}

}
