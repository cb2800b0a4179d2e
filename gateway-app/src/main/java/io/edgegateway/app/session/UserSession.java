package io.edgegateway.app.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;

/**
 * One of a user's sessions as the index finds it: its details and times, never its
 * attributes (the user's tokens stay in the session).
 *
 * @param id the session id (the cookie's value: never shown, never logged)
 * @param created when the session began
 * @param lastSeen when it was last used, to within the touch interval
 * @param expires when it ends unless used again
 * @param details who it belongs to and where it was signed in from
 */
public record UserSession(String id, Instant created, Instant lastSeen, Instant expires, SessionDetails details) {

	/**
	 * A stored session's entry, if it belongs to a signed-in user.
	 * @param session the session
	 * @return the entry, or {@code null} for a session without {@link SessionDetails}
	 */
	static @Nullable UserSession of(Session session) {
		SessionDetails details = session.getAttribute(SessionDetails.ATTRIBUTE);
		if (details == null) {
			return null;
		}
		return new UserSession(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
				session.getLastAccessedTime().plus(session.getMaxInactiveInterval()), details);
	}

	/**
	 * The name by which listings, operators and audit events refer to the session: a hash
	 * of its id, from which the id (the cookie's value) cannot be found.
	 * @return the handle
	 */
	public String handle() {
		return handle(this.id);
	}

	/**
	 * The handle of a session, by its id.
	 * @param sessionId the session id
	 * @return the handle
	 */
	public static String handle(String sessionId) {
		return SessionKeys.hash(sessionId);
	}

	@Override
	public String toString() {
		return "UserSession[handle=" + handle() + ", issuer=" + this.details.issuer() + ", subject="
				+ this.details.subject() + "]";
	}

}
