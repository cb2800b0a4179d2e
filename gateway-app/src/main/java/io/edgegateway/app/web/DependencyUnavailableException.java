package io.edgegateway.app.web;

import org.jspecify.annotations.Nullable;

/**
 * Something a request needs before it can be answered (the identity provider's keys, say)
 * cannot be had right now: the request gets {@code 503} with {@code Retry-After} and the
 * error code, not {@code 500}.
 */
public class DependencyUnavailableException extends IllegalStateException {

	private final String errorCode;

	/**
	 * Create an exception.
	 * @param errorCode the problem's {@code error} (e.g. {@code idp_keys_unavailable})
	 * @param message what is unavailable, for the log and the problem's detail
	 * @param cause what went wrong, if anything
	 */
	public DependencyUnavailableException(String errorCode, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.errorCode = errorCode;
	}

	public String getErrorCode() {
		return this.errorCode;
	}

}
