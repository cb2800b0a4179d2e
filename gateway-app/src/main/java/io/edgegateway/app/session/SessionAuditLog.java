package io.edgegateway.app.session;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.audit.LoggingAuditEventWriter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each session revocation as one JSON line to the audit log
 * ({@value LoggingAuditEventWriter#LOGGER}), beside the proxied requests' events. The
 * shape is documented in {@code docs/security.md}; the session is named by its handle,
 * never by its id.
 */
final class SessionAuditLog {

	private static final Log logger = LogFactory.getLog(LoggingAuditEventWriter.LOGGER);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	SessionAuditLog(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Record that a session was revoked.
	 * @param session the session
	 * @param actor who revoked it
	 * @param reason why
	 * @param requestId the request that revoked it, if any
	 */
	void revoked(UserSession session, SessionRevocation.Actor actor, String reason, @Nullable String requestId) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("time", this.clock.instant().toString());
		fields.put("event", "session_revoked");
		fields.put("request_id", requestId);
		fields.put("user_id", session.details().subject());
		fields.put("issuer", session.details().issuer());
		fields.put("session", session.handle());
		fields.put("actor", actor.value());
		fields.put("reason", reason);
		logger.info(this.json.writeValueAsString(fields));
	}

}
