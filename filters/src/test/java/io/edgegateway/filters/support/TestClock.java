package io.edgegateway.filters.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A clock tests move by hand: what the gateway's one {@link Clock} bean is replaced with,
 * so a test of expiry, cooldown or a circuit breaker's wait moves time instead of waiting
 * for it. Either it stands still at a given instant, or it runs with the system clock,
 * ahead of it by however far the test has moved it.
 */
public final class TestClock extends Clock {

	private final @Nullable Instant fixed;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private TestClock(@Nullable Instant fixed) {
		this.fixed = fixed;
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
	 * A clock that runs with the system clock until moved ahead of it.
	 * @return the clock
	 */
	public static TestClock ticking() {
		return new TestClock(null);
	}

	/**
	 * Move the clock forward.
	 * @param duration how far
	 * @return the new time
	 */
	public Instant advance(Duration duration) {
		this.offset.updateAndGet((current) -> current.plus(duration));
		return instant();
	}

	/**
	 * Set a clock that stands still to an instant.
	 * @param instant the new time
	 */
	public void set(Instant instant) {
		Instant base = (this.fixed != null) ? this.fixed : Instant.now();
		this.offset.set(Duration.between(base, instant));
	}

	@Override
	public Instant instant() {
		return ((this.fixed != null) ? this.fixed : Instant.now()).plus(this.offset.get());
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
