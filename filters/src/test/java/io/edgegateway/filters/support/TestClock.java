package io.edgegateway.filters.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: what the gateway's one {@link Clock} bean is replaced with,
 * so a test of expiry, cooldown or refresh moves time instead of waiting for it.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Instant> now;

	private TestClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/**
	 * A clock that stands at the given instant until moved.
	 * @param start the instant
	 * @return the clock
	 */
	public static TestClock at(Instant start) {
		return new TestClock(start);
	}

	/**
	 * A clock that stands at the current time until moved.
	 * @return the clock
	 */
	public static TestClock now() {
		return new TestClock(Instant.now());
	}

	/**
	 * Move the clock forward.
	 * @param duration how far
	 * @return the new time
	 */
	public Instant advance(Duration duration) {
		return this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	/**
	 * Set the clock.
	 * @param instant the new time
	 */
	public void set(Instant instant) {
		this.now.set(instant);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
