package io.edgegateway.app.session;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signed-in users' sessions, found by user and by the provider's session id without
 * visiting the others: an index on Redis kept in step with every session write, or the
 * in-memory sessions when the gateway runs without Redis.
 */
public interface UserSessions {

	/**
	 * The user's unexpired sessions.
	 * @param issuer the identity provider
	 * @param subject the provider's {@code sub}
	 * @return the sessions, in no particular order
	 */
	Flux<UserSession> findByUser(String issuer, String subject);

	/**
	 * The unexpired sessions signed in under one provider session.
	 * @param issuer the identity provider
	 * @param sid the provider's {@code sid}
	 * @return the sessions
	 */
	Flux<UserSession> findByProviderSession(String issuer, String sid);

	/**
	 * End a session on every replica, and take it out of the index.
	 * @param id the session id
	 * @return completes when the session is gone
	 */
	Mono<Void> delete(String id);

}
