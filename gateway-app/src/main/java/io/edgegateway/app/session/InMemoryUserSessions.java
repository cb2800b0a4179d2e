package io.edgegateway.app.session;

import java.util.Map;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.Session;

/**
 * A gateway without Redis keeps its sessions in one map in its own memory: its users'
 * sessions are found by going through the map, which is as fast as an index would be at
 * the size one process holds.
 */
final class InMemoryUserSessions implements UserSessions {

	private final Map<String, Session> sessions;

	private final ReactiveMapSessionRepository repository;

	InMemoryUserSessions(Map<String, Session> sessions, ReactiveMapSessionRepository repository) {
		this.sessions = sessions;
		this.repository = repository;
	}

	@Override
	public Flux<UserSession> findByUser(String issuer, String subject) {
		return find((details) -> details.issuer().equals(issuer) && details.subject().equals(subject));
	}

	@Override
	public Flux<UserSession> findByProviderSession(String issuer, String sid) {
		return find((details) -> details.issuer().equals(issuer) && sid.equals(details.sid()));
	}

	private Flux<UserSession> find(Predicate<SessionDetails> matching) {
		return Flux.fromIterable(this.sessions.values())
			.filter((session) -> !session.isExpired())
			.mapNotNull(UserSession::of)
			.filter((session) -> matching.test(session.details()));
	}

	@Override
	public Mono<Void> delete(String id) {
		return this.repository.deleteById(id);
	}

}
