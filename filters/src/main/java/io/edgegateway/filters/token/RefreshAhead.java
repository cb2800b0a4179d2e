package io.edgegateway.filters.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a served token is replaced in the background: within the refresh-ahead window of
 * the end of its servable life (its expiry minus the skew), but no earlier than half-way
 * through that life, so a short-lived token is served a while before it is replaced
 * instead of triggering a mint on every request.
 */
final class RefreshAhead {

	private final Clock clock;

	private final Duration skew;

	private final Duration window;

	RefreshAhead(Clock clock, Duration skew, Duration window) {
		this.clock = clock;
		this.skew = skew;
		this.window = window;
	}

	boolean isDue(MintedToken token) {
		Instant expiresAt = token.expiresAt();
		if (this.window.isZero() || expiresAt == null) {
			return false;
		}
		Instant servableUntil = expiresAt.minus(this.skew);
		Duration window = this.window;
		if (token.issuedAt() != null) {
			Duration halfLife = Duration.between(token.issuedAt(), servableUntil).dividedBy(2);
			window = (halfLife.compareTo(window) < 0) ? halfLife : window;
		}
		return this.clock.instant().isAfter(servableUntil.minus(window));
	}

}
