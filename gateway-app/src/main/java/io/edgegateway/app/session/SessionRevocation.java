package io.edgegateway.app.session;

import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Ends sessions before their time: one of a user's sessions by its handle, the sessions
 * of one provider session, or all of a user's sessions. Each revoked session is deleted
 * (every replica stops serving it within a heartbeat of its local cache), the tokens
 * minted in the user's name are forgotten, and an audit event is written.
 */
public final class SessionRevocation {

	private final UserSessions sessions;

	private final Function<String, Mono<Void>> forgetTokens;

	private final SessionAuditLog audit;

	/**
	 * Create a revocation service.
	 * @param sessions the sessions and their index
	 * @param forgetTokens forgets the tokens minted for a user (by
	 * {@link SessionDetails#userId()})
	 * @param audit where revocations are recorded
	 */
	SessionRevocation(UserSessions sessions, Function<String, Mono<Void>> forgetTokens, SessionAuditLog audit) {
		this.sessions = sessions;
		this.forgetTokens = forgetTokens;
		this.audit = audit;
	}

	/**
	 * Revoke one of a user's sessions.
	 * @param issuer the identity provider
	 * @param subject the provider's {@code sub}
	 * @param handle the session's handle, as a listing shows it
	 * @param actor who revokes it
	 * @param reason why, as the audit event says it
	 * @param requestId the request that revokes it, if any
	 * @return whether the user had such a session
	 */
	public Mono<Boolean> revoke(String issuer, String subject, String handle, Actor actor, String reason,
			@Nullable String requestId) {
		Assert.hasText(handle, "handle cannot be empty");
		return revoke(this.sessions.findByUser(issuer, subject).filter((session) -> session.handle().equals(handle)),
				actor, reason, requestId)
			.map((count) -> count > 0);
	}

	/**
	 * Revoke every session of a user.
	 * @param issuer the identity provider
	 * @param subject the provider's {@code sub}
	 * @param actor who revokes them
	 * @param reason why, as the audit events say it
	 * @param requestId the request that revokes them, if any
	 * @return how many sessions were revoked
	 */
	public Mono<Long> revokeAll(String issuer, String subject, Actor actor, String reason, @Nullable String requestId) {
		return revoke(this.sessions.findByUser(issuer, subject), actor, reason, requestId);
	}

	/**
	 * Revoke the sessions signed in under one provider session (a back-channel logout
	 * naming {@code sid}).
	 * @param issuer the identity provider
	 * @param sid the provider's session id
	 * @param subject the provider's {@code sub}, when the logout names it too: then only
	 * that user's sessions of the provider session end
	 * @param actor who revokes them
	 * @param reason why, as the audit events say it
	 * @param requestId the request that revokes them, if any
	 * @return how many sessions were revoked
	 */
	public Mono<Long> revokeProviderSession(String issuer, String sid, @Nullable String subject, Actor actor,
			String reason, @Nullable String requestId) {
		return revoke(
				this.sessions.findByProviderSession(issuer, sid)
					.filter((session) -> subject == null || subject.equals(session.details().subject())),
				actor, reason, requestId);
	}

	private Mono<Long> revoke(Flux<UserSession> found, Actor actor, String reason, @Nullable String requestId) {
		return found
			.concatMap((session) -> this.sessions.delete(session.id())
				.then(this.forgetTokens.apply(session.details().userId()))
				.doOnSuccess((done) -> this.audit.revoked(session, actor, reason, requestId))
				.thenReturn(session))
			.count();
	}

	/**
	 * Who revoked a session.
	 */
	public enum Actor {

		/**
		 * An operator, on the management port.
		 */
		OPERATOR,

		/**
		 * The user, signing out everywhere.
		 */
		USER,

		/**
		 * The identity provider, by a back-channel logout.
		 */
		PROVIDER;

		/**
		 * The actor as audit events name it.
		 * @return e.g. {@code operator}
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
