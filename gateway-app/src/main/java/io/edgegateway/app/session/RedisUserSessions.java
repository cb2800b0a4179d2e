package io.edgegateway.app.session;

import java.time.Clock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveRedisTemplate;

/**
 * The index {@link TrackedRedisSessionRepository} keeps in Redis, read: a user's or a
 * provider session's set is pruned of expired members by score, then each member is read
 * as a session (from this replica's copy when it has one). A member whose session is gone
 * without its index knowing (a session written before the index existed, a member left by
 * a lost connection) is removed as it is met.
 */
final class RedisUserSessions implements UserSessions {

	private final ReactiveRedisTemplate<String, String> index;

	private final TrackedRedisSessionRepository sessions;

	private final SessionKeys keys;

	private final Clock clock;

	RedisUserSessions(ReactiveRedisTemplate<String, String> index, TrackedRedisSessionRepository sessions,
			String namespace, Clock clock) {
		this.index = index;
		this.sessions = sessions;
		this.keys = new SessionKeys(namespace);
		this.clock = clock;
	}

	@Override
	public Flux<UserSession> findByUser(String issuer, String subject) {
		return find(this.keys.user(issuer, subject)).filter(
				(session) -> session.details().issuer().equals(issuer) && session.details().subject().equals(subject));
	}

	@Override
	public Flux<UserSession> findByProviderSession(String issuer, String sid) {
		return find(this.keys.providerSession(issuer, sid))
			.filter((session) -> session.details().issuer().equals(issuer) && sid.equals(session.details().sid()));
	}

	private Flux<UserSession> find(String key) {
		double now = this.clock.millis();
		return this.index.opsForZSet()
			.removeRangeByScore(key, Range.closed(Double.NEGATIVE_INFINITY, now))
			.thenMany(this.index.opsForZSet().range(key, Range.closed(0L, -1L)))
			.concatMap((id) -> this.sessions.findById(id)
				.mapNotNull(UserSession::of)
				.switchIfEmpty(this.index.opsForZSet().remove(key, id).then(Mono.empty())));
	}

	@Override
	public Mono<Void> delete(String id) {
		return this.sessions.deleteById(id);
	}

}
