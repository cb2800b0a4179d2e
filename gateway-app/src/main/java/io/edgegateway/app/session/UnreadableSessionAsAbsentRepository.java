package io.edgegateway.app.session;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

/**
 * Treats a session that cannot be read, because it was encrypted with a key no longer
 * configured or was altered in Redis, as absent: the user signs in again instead of every
 * request failing.
 *
 * @param <S> the session type
 */
final class UnreadableSessionAsAbsentRepository<S extends Session> implements ReactiveSessionRepository<S> {

	private static final Log logger = LogFactory.getLog(UnreadableSessionAsAbsentRepository.class);

	private final ReactiveSessionRepository<S> delegate;

	UnreadableSessionAsAbsentRepository(ReactiveSessionRepository<S> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<S> createSession() {
		return this.delegate.createSession();
	}

	@Override
	public Mono<Void> save(S session) {
		return this.delegate.save(session);
	}

	@Override
	public Mono<S> findById(String id) {
		return this.delegate.findById(id).onErrorResume(SerializationException.class, (ex) -> {
			logger.warn("Ignoring a session that cannot be read (" + ex.getMessage() + "); the user signs in again");
			return Mono.empty();
		});
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.delegate.deleteById(id);
	}

}
