package io.edgegateway.app.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts browser sign-ins in Micrometer:
 * <ul>
 * <li>{@code edge.logins} (tags {@code registration}, {@code outcome} = success|failure)
 * <li>{@code edge.login.failures} (tags {@code registration}, {@code error}: the error
 * code when the gateway knows it, {@code other} otherwise)
 * </ul>
 * The tags take only configured registrations and known codes, so a forged callback
 * cannot make a new time series.
 */
final class SignInMetrics {

	private static final String UNKNOWN = "unknown";

	private final @Nullable MeterRegistry registry;

	/**
	 * Create the metrics.
	 * @param registry the registry, or {@code null} to count nothing
	 */
	SignInMetrics(@Nullable MeterRegistry registry) {
		this.registry = registry;
	}

	void succeeded(String registration) {
		if (this.registry != null) {
			this.registry.counter("edge.logins", "registration", registration, "outcome", "success").increment();
		}
	}

	void failed(SignInFailure failure) {
		if (this.registry == null) {
			return;
		}
		String registration = (failure.registration() != null) ? failure.registration() : UNKNOWN;
		String error = SignInFailure.isKnown(failure.error()) ? failure.error() : "other";
		this.registry.counter("edge.logins", "registration", registration, "outcome", "failure").increment();
		this.registry.counter("edge.login.failures", "registration", registration, "error", error).increment();
	}

}
