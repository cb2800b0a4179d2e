package io.edgegateway.filters.logging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether every log line of a request carries its request id
 * ({@code edge.logging.mdc.*}).
 */
@ConfigurationProperties("edge.logging.mdc")
public class RequestMdcProperties {

	/**
	 * Whether the request id follows each request into the logging MDC
	 * ({@code request_id}) of every thread that works on it, so that every line logged
	 * during the request (the gateway's, Spring's, Reactor Netty's) carries it. Costs
	 * Reactor's automatic context propagation on every request (measured: about 150 µs of
	 * CPU, a third of a public route's throughput). Default {@code false}: the access
	 * log, the audit events and the gateway's own error lines carry the id either way.
	 */
	private boolean enabled;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
