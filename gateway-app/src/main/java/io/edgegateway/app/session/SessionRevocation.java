package io.edgegateway.app.session;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Ends sessions before their time: one of a user's sessions by its handle, the sessions
 * of one provider session, or all of a user's sessions. Each revoked session is deleted
 * (every replica stops serving it within a heartbeat of its local cache), the tokens
 * minted for it are forgotten (and, when all of a user's sessions end, the user's own),
 * and an audit event is written.
 */
public final class SessionRevocation {

	private final UserSessions sessions;

	private final MintedTokens tokens;

	private final SessionAuditLog audit;

	/**
	 * Create a revocation service.
	 * @param sessions the sessions and their index
	 * @param tokens forgets the tokens minted for a session or a user
	 * @param audit where revocations are recorded
	 */
	SessionRevocation(UserSessions sessions, MintedTokens tokens, SessionAuditLog audit) {
		this.sessions = sessions;
		this.tokens = tokens;
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
		return this.sessions.findByUser(issuer, subject)
			.collectList()
			.flatMap((found) -> revoke(Flux.fromIterable(found), actor, reason, requestId)
				.flatMap((count) -> forgetUsers(found).thenReturn(count)));
	}

	/**
	 * The user's own tokens (a bearer client's) end with the user's last session.
	 */
	private Mono<Void> forgetUsers(List<UserSession> sessions) {
		return Flux.fromIterable(sessions)
			.map((session) -> session.details().userId())
			.distinct()
			.concatMap(this.tokens::forgetUser)
			.then();
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
				.then(forgetTokens(session.details()))
				.doOnSuccess((done) -> this.audit.revoked(session, actor, reason, requestId))
				.thenReturn(session))
			.count();
	}

	private Mono<Void> forgetTokens(SessionDetails details) {
		String tokenOwner = details.tokenOwner();
		return (tokenOwner != null) ? this.tokens.forgetSession(tokenOwner) : this.tokens.forgetUser(details.userId());
	}

	/**
	 * Forgets minted tokens on every replica: the credential service's, when the gateway
	 * mints any.
	 */
	interface MintedTokens {

		/**
		 * A gateway that mints no tokens.
		 */
		MintedTokens NONE = new MintedTokens() {

			@Override
			public Mono<Void> forgetSession(String tokenOwner) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> forgetUser(String userId) {
				return Mono.empty();
			}

		};

		/**
		 * Forget the tokens minted for a session.
		 * @param tokenOwner the session's {@link SessionDetails#tokenOwner()}
		 * @return completion
		 */
		Mono<Void> forgetSession(String tokenOwner);

		/**
		 * Forget the tokens minted for a user rather than for one of its sessions.
		 * @param userId the user's {@link SessionDetails#userId()}
		 * @return completion
		 */
		Mono<Void> forgetUser(String userId);

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
