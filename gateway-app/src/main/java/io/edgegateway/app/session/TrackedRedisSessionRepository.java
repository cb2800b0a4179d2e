package io.edgegateway.app.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.web.RedisFailures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;

/**
 * Browser sessions in Redis, read once per replica and then served from memory while
 * Redis reports every change ({@link LocalSessionCache}, {@link SessionInvalidations}),
 * and written only when something changed: new attributes, a new id, or an access time
 * older than the touch interval (sliding expiration, as ASP.NET Core's cookie sessions
 * and connect-mongo's {@code touchAfter} do it). A warm session request therefore costs
 * no Redis command, where Spring Session's repository reads the whole session and writes
 * its access time and expiry back on every request.
 * <p>
 * The hash keeps Spring Session's layout ({@code <namespace>:sessions:<id>}, fields
 * {@code creationTime}, {@code lastAccessedTime}, {@code maxInactiveInterval},
 * {@code sessionAttr:<name>}), so sessions survive an upgrade. A write is one script: the
 * changed fields, the removed ones and the expiry together, and only if the session still
 * exists, so a request that ends after a logout never brings its session back.
 * <p>
 * A signed-in user's session is also a member of two sorted sets ({@link SessionKeys}):
 * one per user and one per provider session, scored by the session's expiry time. The
 * same script writes them, so the index never names a session that was not written, and
 * refreshes the score on every touch; expired members are removed by score when an index
 * is written or read, and an index key expires with its latest member. A delete takes the
 * session out of its index in one script too. This finds a user's sessions without a
 * {@code SCAN} and without keyspace notifications (which Redis may drop, and which Spring
 * Session's indexed repository needs to keep its index clean).
 */
final class TrackedRedisSessionRepository implements ReactiveSessionRepository<TrackedSession> {

	private static final Log logger = LogFactory.getLog(TrackedRedisSessionRepository.class);

	private static final String CREATION_TIME = "creationTime";

	private static final String LAST_ACCESSED_TIME = "lastAccessedTime";

	private static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

	private static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private static final String DETAILS_FIELD = ATTRIBUTE_PREFIX + SessionDetails.ATTRIBUTE;

	/**
	 * KEYS: the session, then the index sets it belongs to. ARGV: create|update, idle
	 * timeout (ms), now (ms), expiry (ms), the session id, the id it had before (or
	 * empty), number of fields to set, the fields and values to set, then the fields to
	 * remove.
	 */
	private static final RedisScript<Long> WRITE = RedisScript.of("""
			if ARGV[1] == 'update' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			local last = 7 + 2 * tonumber(ARGV[7])
			redis.call('HSET', KEYS[1], unpack(ARGV, 8, last))
			if #ARGV > last then redis.call('HDEL', KEYS[1], unpack(ARGV, last + 1)) end
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			local now = tonumber(ARGV[3])
			for i = 2, #KEYS do
				redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
				if ARGV[6] ~= '' then redis.call('ZREM', KEYS[i], ARGV[6]) end
				redis.call('ZADD', KEYS[i], ARGV[4], ARGV[5])
				local latest = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
				redis.call('PEXPIRE', KEYS[i], math.max(1, tonumber(latest[2]) - now))
			end
			return 1
			""", Long.class);

	/**
	 * KEYS: the session, then the index sets it belongs to. ARGV: the session id.
	 */
	private static final RedisScript<Long> DELETE = RedisScript.of("""
			local deleted = redis.call('DEL', KEYS[1])
			for i = 2, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
			return deleted
			""", Long.class);

	private final ReactiveRedisTemplate<String, Object> sessions;

	private final ReactiveRedisTemplate<ByteBuffer, ByteBuffer> scripts;

	private final RedisSerializer<Object> values;

	private final LocalSessionCache cache;

	private final SessionKeys keys;

	private final Duration timeout;

	private final Duration touchInterval;

	private final Clock clock;

	/**
	 * Create a repository.
	 * @param sessions reads session hashes (string keys and fields, encrypted values)
	 * @param scripts writes them
	 * @param values serializes and encrypts values
	 * @param cache this replica's copies
	 * @param namespace the key namespace
	 * @param timeout how long a session lives without requests
	 * @param touchInterval how often the access time is written
	 * @param clock the time
	 */
	TrackedRedisSessionRepository(ReactiveRedisTemplate<String, Object> sessions,
			ReactiveRedisTemplate<ByteBuffer, ByteBuffer> scripts, RedisSerializer<Object> values,
			LocalSessionCache cache, String namespace, Duration timeout, Duration touchInterval, Clock clock) {
		this.sessions = sessions;
		this.scripts = scripts;
		this.values = values;
		this.cache = cache;
		this.keys = new SessionKeys(namespace);
		this.timeout = timeout;
		this.touchInterval = touchInterval;
		this.clock = clock;
	}

	@Override
	public Mono<TrackedSession> createSession() {
		return Mono.fromSupplier(() -> {
			MapSession session = new MapSession();
			Instant now = this.clock.instant();
			session.setCreationTime(now);
			session.setLastAccessedTime(now);
			session.setMaxInactiveInterval(this.timeout);
			return TrackedSession.created(session);
		});
	}

	@Override
	public Mono<Void> save(TrackedSession session) {
		if (!session.needsWrite(this.touchInterval)) {
			this.cache.accessed(session.getId(), session.getLastAccessedTime());
			return Mono.empty();
		}
		String storedId = session.storedId();
		Mono<Void> rename = session.idChanged() ? rename(storedId, session.getId()) : Mono.empty();
		Mono<Void> saved = rename.then(write(session)).doOnSuccess((done) -> session.written()).doFinally((signal) -> {
			this.cache.invalidate(storedId);
			this.cache.invalidate(session.getId());
		});
		return session.onlyTouched() ? saved.onErrorResume(RedisFailures::isUnavailable, this::touchFailed) : saved;
	}

	/**
	 * A request that changed nothing in its session is served although Redis did not take
	 * the new access time: the next request touches it again.
	 */
	private Mono<Void> touchFailed(Throwable ex) {
		logger.warn("Could not renew a session's idle expiry in Redis; the request is served, the next one retries: "
				+ ex.getMessage());
		return Mono.empty();
	}

	private Mono<Void> rename(String from, String to) {
		// A session deleted meanwhile (a logout on another replica) has nothing to
		// rename.
		return this.sessions.rename(key(from), key(to))
			.onErrorResume(RedisFailures::isNoSuchKey, (ex) -> Mono.just(false))
			.then();
	}

	private Mono<Void> write(TrackedSession session) {
		List<ByteBuffer> set = new ArrayList<>();
		List<ByteBuffer> remove = new ArrayList<>();
		field(set, LAST_ACCESSED_TIME, session.getLastAccessedTime().toEpochMilli());
		field(set, MAX_INACTIVE_INTERVAL, (int) session.getMaxInactiveInterval().toSeconds());
		if (session.isNew()) {
			field(set, CREATION_TIME, session.getCreationTime().toEpochMilli());
		}
		session.changedAttributes().forEach((name, value) -> {
			if (value != null) {
				field(set, ATTRIBUTE_PREFIX + name, value);
			}
			else {
				remove.add(text(ATTRIBUTE_PREFIX + name));
			}
		});
		Instant now = this.clock.instant();
		Instant expiry = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		List<ByteBuffer> args = new ArrayList<>(7 + set.size() + remove.size());
		args.add(text(session.isNew() ? "create" : "update"));
		args.add(text(Long.toString(session.getMaxInactiveInterval().toMillis())));
		args.add(text(Long.toString(now.toEpochMilli())));
		args.add(text(Long.toString(expiry.toEpochMilli())));
		args.add(text(session.getId()));
		args.add(text(session.idChanged() ? session.storedId() : ""));
		args.add(text(Integer.toString(set.size() / 2)));
		args.addAll(set);
		args.addAll(remove);
		List<ByteBuffer> keys = keys(session.getId(), session.getAttribute(SessionDetails.ATTRIBUTE));
		return this.scripts.execute(WRITE, keys, args).then();
	}

	/**
	 * The session's key, then the index sets a session with these details belongs to.
	 */
	private List<ByteBuffer> keys(String id, @Nullable SessionDetails details) {
		List<ByteBuffer> keys = new ArrayList<>(3);
		keys.add(text(key(id)));
		if (details != null) {
			keys.add(text(this.keys.user(details.issuer(), details.subject())));
			if (details.sid() != null) {
				keys.add(text(this.keys.providerSession(details.issuer(), details.sid())));
			}
		}
		return keys;
	}

	private void field(List<ByteBuffer> set, String name, Object value) {
		set.add(text(name));
		set.add(ByteBuffer.wrap(this.values.serialize(value)));
	}

	private static ByteBuffer text(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public Mono<TrackedSession> findById(String id) {
		Instant now = this.clock.instant();
		MapSession cached = this.cache.get(id, now);
		if (cached != null) {
			return Mono.just(TrackedSession.stored(cached));
		}
		long epoch = this.cache.epoch();
		return this.sessions.<String, Object>opsForHash()
			.entries(key(id))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.mapNotNull((hash) -> session(id, hash))
			.filter((session) -> !expired(session, now))
			.doOnNext((session) -> this.cache.put(session, epoch))
			.map(TrackedSession::stored)
			.onErrorResume(SerializationException.class, (ex) -> {
				logger
					.warn("Ignoring a session that cannot be read (" + ex.getMessage() + "); the user signs in again");
				return Mono.empty();
			});
	}

	private static @Nullable MapSession session(String id, Map<String, Object> hash) {
		if (!(hash.get(CREATION_TIME) instanceof Long created)
				|| !(hash.get(LAST_ACCESSED_TIME) instanceof Long accessed)
				|| !(hash.get(MAX_INACTIVE_INTERVAL) instanceof Integer maxInactive)) {
			return null;
		}
		MapSession session = new MapSession(id);
		session.setCreationTime(Instant.ofEpochMilli(created));
		session.setLastAccessedTime(Instant.ofEpochMilli(accessed));
		session.setMaxInactiveInterval(Duration.ofSeconds(maxInactive));
		hash.forEach((field, value) -> {
			if (field.startsWith(ATTRIBUTE_PREFIX)) {
				session.setAttribute(field.substring(ATTRIBUTE_PREFIX.length()), value);
			}
		});
		return session;
	}

	private static boolean expired(MapSession session, Instant now) {
		return session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isBefore(now);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		this.cache.invalidate(id);
		return this.sessions.<String, Object>opsForHash()
			.get(key(id), DETAILS_FIELD)
			.ofType(SessionDetails.class)
			.onErrorResume(SerializationException.class, (ex) -> Mono.empty())
			.map((details) -> keys(id, details))
			.defaultIfEmpty(keys(id, null))
			.flatMap((keys) -> this.scripts.execute(DELETE, keys, List.of(text(id))).then())
			.doFinally((signal) -> this.cache.invalidate(id));
	}

	private String key(String id) {
		return this.keys.session(id);
	}

}
