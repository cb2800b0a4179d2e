package io.edgegateway.filters.user;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;

/**
 * Logs a warning about a user once rather than per request (a user in too many groups for
 * a header or an assertion, say). Remembers a bounded number of users and starts over
 * when full, so a user may be logged again after many others.
 */
public final class OncePerUserWarnings {

	private static final int MAX_USERS = 10_000;

	private final Log logger;

	private final Map<String, Boolean> warned = new ConcurrentHashMap<>();

	/**
	 * Warnings to a logger.
	 * @param logger the logger, its owner's
	 */
	public OncePerUserWarnings(Log logger) {
		this.logger = logger;
	}

	/**
	 * Log a warning unless this user was warned of already.
	 * @param subject the user
	 * @param message the warning, made only when logged
	 */
	public void warnOnce(String subject, Supplier<String> message) {
		if (this.warned.size() >= MAX_USERS) {
			this.warned.clear();
		}
		if (this.warned.putIfAbsent(subject, Boolean.TRUE) == null) {
			this.logger.warn(message.get());
		}
	}

}
