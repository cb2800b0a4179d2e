package io.edgegateway.filters.token;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Whether the shared token cache (Redis) is working, as the last operation found it: a
 * failure marks it degraded (requests go on, minting directly), the next success clears
 * it.
 */
public final class TokenCacheStatus {

	private final Clock clock;

	private volatile @Nullable Failure failure;

	public TokenCacheStatus(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Record a failed cache operation.
	 * @param error what failed
	 */
	public void failed(Throwable error) {
		this.failure = new Failure(this.clock.instant(), error.getClass().getSimpleName() + ": " + error.getMessage());
	}

	/**
	 * Record a successful cache operation.
	 */
	public void succeeded() {
		if (this.failure != null) {
			this.failure = null;
		}
	}

	/**
	 * The last failure since the last success.
	 * @return the failure, or {@code null} when the cache works
	 */
	public @Nullable Failure failure() {
		return this.failure;
	}

	/**
	 * A failed cache operation.
	 *
	 * @param time when
	 * @param error what failed
	 */
	public record Failure(Instant time, String error) {
	}

}
