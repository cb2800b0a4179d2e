package io.edgegateway.app.tracing;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's tracing and OpenTelemetry auto-configuration out unless
 * {@code edge.tracing.enabled} is {@code true}. Its libraries are in the jar, and loaded
 * they would make a tracer, a span for every observation and, with an endpoint, an OTLP
 * exporter, even at a sampling probability of zero. Left out, there is no tracer (Spring
 * Boot's no-op one stands in), no span and no connection: a gateway that does not trace
 * pays nothing for the option. On, everything loads as Spring Boot configures it
 * ({@code management.tracing.*}, {@code management.opentelemetry.*}).
 */
public final class TracingAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String[] TRACING_PACKAGES = { "org.springframework.boot.micrometer.tracing.",
			"org.springframework.boot.opentelemetry." };

	private static final String NOOP_TRACER = "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration";

	private boolean enabled;

	@Override
	public void setEnvironment(Environment environment) {
		this.enabled = environment.getProperty("edge.tracing.enabled", Boolean.class, false);
	}

	@Override
	public boolean[] match(@Nullable String[] autoConfigurationClasses,
			AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = this.enabled || !isTracing(autoConfigurationClasses[i]);
		}
		return matches;
	}

	private static boolean isTracing(@Nullable String autoConfiguration) {
		if (autoConfiguration == null || NOOP_TRACER.equals(autoConfiguration)) {
			return false;
		}
		for (String tracingPackage : TRACING_PACKAGES) {
			if (autoConfiguration.startsWith(tracingPackage)) {
				return true;
			}
		}
		return false;
	}

}
