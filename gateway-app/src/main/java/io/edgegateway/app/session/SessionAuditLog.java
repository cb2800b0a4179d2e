package io.edgegateway.app.session;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.edgegateway.filters.audit.LoggingAuditEventWriter;
import io.edgegateway.filters.logging.EventLog;
import org.jspecify.annotations.Nullable;

/**
 * Writes what becomes of browser sessions as one event each to the audit log
 * ({@value LoggingAuditEventWriter#LOGGER}), beside the proxied requests' events: a
 * sign-in ({@code login}), a sign-in that failed ({@code login_failed}), a logout
 * ({@code logout}) and a revocation ({@code session_revoked}). Every event has
 * {@code time}, {@code event} and {@code request_id}; the shapes are documented in
 * {@code docs/security.md}. One JSON line each, or, with Spring Boot's structured logging
 * on, the event's fields as the log record's own ({@link EventLog}). A session is named
 * by its handle, never by its id, and no event carries a token, a code or a state.
 */
public final class SessionAuditLog {

	private final EventLog log;

	private final Clock clock;

	/**
	 * Create the log.
	 * @param clock the clock the events' times are read from
	 * @param structured whether Spring Boot's structured logging is on
	 */
	public SessionAuditLog(Clock clock, boolean structured) {
		this.log = new EventLog(LoggingAuditEventWriter.LOGGER, structured, EventLog.JSON);
		this.clock = clock;
	}

	/**
	 * Record a sign-in.
	 * @param sessionId the id of the session it began (written as its handle)
	 * @param details who signed in, with which provider, from where
	 * @param registration the client registration the user signed in with
	 * @param requestId the request that ended the sign-in (the provider's callback)
	 */
	public void signedIn(String sessionId, SessionDetails details, String registration, @Nullable String requestId) {
		write("login", requestId, (fields) -> {
			user(fields, details);
			fields.put("registration", registration);
			fields.put("session", UserSession.handle(sessionId));
			fields.put("client_address", details.clientAddress());
		});
	}

	/**
	 * Record a sign-in that failed.
	 * @param registration the client registration it was for, if known
	 * @param error the provider's error code, or the gateway's
	 * @param clientAddress the client's address, if known
	 * @param requestId the request that ended the sign-in (the provider's callback)
	 */
	public void signInFailed(@Nullable String registration, String error, @Nullable String clientAddress,
			@Nullable String requestId) {
		write("login_failed", requestId, (fields) -> {
			fields.put("registration", registration);
			fields.put("error", error);
			fields.put("client_address", clientAddress);
		});
	}

	/**
	 * Record a logout.
	 * @param sessionId the id of the session it ends (written as its handle)
	 * @param details whose session it is
	 * @param kind which logout: {@code rp_initiated} (this session) or {@code everywhere}
	 * (every session of the user)
	 * @param requestId the logout request
	 */
	public void loggedOut(String sessionId, SessionDetails details, String kind, @Nullable String requestId) {
		write("logout", requestId, (fields) -> {
			user(fields, details);
			fields.put("session", UserSession.handle(sessionId));
			fields.put("kind", kind);
		});
	}

	/**
	 * Record that a session was revoked.
	 * @param session the session
	 * @param actor who revoked it
	 * @param reason why
	 * @param requestId the request that revoked it, if any
	 */
	void revoked(UserSession session, SessionRevocation.Actor actor, String reason, @Nullable String requestId) {
		write("session_revoked", requestId, (fields) -> {
			user(fields, session.details());
			fields.put("session", session.handle());
			fields.put("actor", actor.value());
			fields.put("reason", reason);
		});
	}

	private static void user(Map<String, @Nullable Object> fields, SessionDetails details) {
		fields.put("user_id", details.subject());
		fields.put("issuer", details.issuer());
	}

	private void write(String event, @Nullable String requestId, Consumer<Map<String, @Nullable Object>> details) {
		if (!this.log.isEnabled()) {
			return;
		}
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("time", this.clock.instant().toString());
		fields.put("event", event);
		fields.put("request_id", requestId);
		details.accept(fields);
		this.log.write("audit " + event, fields);
	}

}
