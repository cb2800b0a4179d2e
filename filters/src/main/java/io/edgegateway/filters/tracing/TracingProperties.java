package io.edgegateway.filters.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the gateway traces its requests ({@code edge.tracing.*}).
 */
@ConfigurationProperties("edge.tracing")
public class TracingProperties {

	/**
	 * Whether requests are traced and their spans exported over OTLP (Spring Boot's
	 * {@code management.opentelemetry.tracing.export.otlp.*} and
	 * {@code management.tracing.sampling.probability}). Off, the tracing
	 * auto-configuration is not loaded at all: no tracer, no span, no exporter
	 * connection. Default {@code false}.
	 */
	private boolean enabled;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
