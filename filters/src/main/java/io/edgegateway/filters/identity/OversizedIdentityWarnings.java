package io.edgegateway.filters.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs, once per user rather than per request, that a user's identity values did not fit
 * {@code edge.identity.headers.max-value-length}. Remembers a bounded number of users and
 * starts over when full, so a user may be logged again after many others.
 */
final class OversizedIdentityWarnings {

	private static final Log logger = LogFactory.getLog(IdentityHeaderInjector.class);

	private static final int MAX_USERS = 10_000;

	private final Map<String, Boolean> warned = new ConcurrentHashMap<>();

	void warnOnce(String subject, String what, int maxValueLength) {
		if (this.warned.size() >= MAX_USERS) {
			this.warned.clear();
		}
		if (this.warned.putIfAbsent(subject, Boolean.TRUE) == null) {
			logger.warn("Identity headers of user '" + subject + "' exceed edge.identity.headers.max-value-length ("
					+ maxValueLength + " bytes): " + what);
		}
	}

}
