package io.edgegateway.filters.token;

import io.edgegateway.filters.token.TokenCacheStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The token cache's health: {@code UP}, or {@code DEGRADED} while Redis fails. Degraded
 * is not down: the gateway goes on serving, minting tokens directly, so the instance
 * stays ready; it recovers by itself at the next success.
 */
public final class TokenCacheHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Token cache in Redis failing; minting without it");

	private final TokenCacheStatus status;

	public TokenCacheHealthIndicator(TokenCacheStatus status) {
		this.status = status;
	}

	@Override
	public Health health() {
		TokenCacheStatus.Failure failure = this.status.failure();
		if (failure == null) {
			return Health.up().build();
		}
		return Health.status(DEGRADED)
			.withDetail("since", failure.time().toString())
			.withDetail("error", failure.error())
			.build();
	}

}
