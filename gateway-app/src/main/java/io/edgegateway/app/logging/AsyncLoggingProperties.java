package io.edgegateway.app.logging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * How the access log and audit events are written.
 */
@ConfigurationProperties("edge.logging.async")
public class AsyncLoggingProperties implements Validator {

	/**
	 * Whether access log lines and audit events are written by a thread of their own, so
	 * that a slow log output never holds up a request. Default {@code true}.
	 */
	private boolean enabled = true;

	/**
	 * How many events may wait to be written; past it an event is dropped, counted
	 * ({@code edge.log.events.dropped}) and reported on the log. Default 8192.
	 */
	private int queueSize = 8192;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AsyncLoggingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (((AsyncLoggingProperties) target).getQueueSize() < 1) {
			errors.rejectValue("queueSize", "invalid", "must be at least 1");
		}
	}

}
