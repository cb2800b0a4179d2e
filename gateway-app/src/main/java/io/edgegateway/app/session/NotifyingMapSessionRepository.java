package io.edgegateway.app.session;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.Session;

/**
 * In-memory sessions that tell of each session deleted (a logout, a revocation), as Redis
 * tells of every change to the sessions it keeps ({@link SessionInvalidations}).
 */
final class NotifyingMapSessionRepository extends ReactiveMapSessionRepository {

	private final Map<String, Session> sessions;

	private final SessionChanges changes;

	NotifyingMapSessionRepository(Map<String, Session> sessions, SessionChanges changes) {
		super(sessions);
		this.sessions = sessions;
		this.changes = changes;
	}

	/**
	 * Delete a session, and tell of it if there was one: a listener reading it again
	 * (which deletes an expired one) hears nothing more.
	 */
	@Override
	public Mono<Void> deleteById(String id) {
		return Mono.fromRunnable(() -> {
			if (this.sessions.remove(id) != null) {
				this.changes.changed(id);
			}
		});
	}

}
