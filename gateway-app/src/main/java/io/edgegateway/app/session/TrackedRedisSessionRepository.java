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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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
 * {@code sessionAttr:<name>}); the values are the gateway's documented format
 * ({@link SessionValueCodec}): times as decimal text, attributes as versioned JSON,
 * encrypted and bound to their key and field. A session read with values in the previous
 * release's format is rewritten whole by its next request. A write is one script: the
 * changed fields, the removed ones and the expiry together, and only if the session still
 * exists, so a request that ends after a logout never brings its session back. A session
 * whose id changed (at sign-in) is written whole under its new key and the old key
 * deleted, rather than renamed: the two keys hash to different slots of a Redis Cluster,
 * which refuses a {@code RENAME} between them, and every value is bound to its key, so it
 * is encrypted again for the new one.
 * <p>
 * A signed-in user's session is also a member of two sorted sets ({@link SessionKeys}):
 * one per user and one per provider session, scored by the session's expiry time. Each
 * set is written by a script of its own once the session is written (every command and
 * script touches one key, so all of this works on a Redis Cluster), so the index never
 * names a session that was never written; the score is refreshed on every touch, expired
 * members are removed by score when an index is written or read, and an index key expires
 * with its latest member. A delete removes the session, then its index entries; a member
 * left behind (a connection lost in between) is removed when a read meets it. This finds
 * a user's sessions without a {@code SCAN} and without keyspace notifications (which
 * Redis may drop, and which Spring Session's indexed repository needs to keep its index
 * clean).
 */
final class TrackedRedisSessionRepository implements ReactiveSessionRepository<TrackedSession> {

	private static final Log logger = LogFactory.getLog(TrackedRedisSessionRepository.class);

	private static final String CREATION_TIME = "creationTime";

	private static final String LAST_ACCESSED_TIME = "lastAccessedTime";

	private static final String MAX_INACTIVE_INTERVAL = "maxInactiveInterval";

	private static final String ATTRIBUTE_PREFIX = "sessionAttr:";

	private static final String DETAILS_FIELD = ATTRIBUTE_PREFIX + SessionDetails.ATTRIBUTE;

	/**
	 * KEYS: the session. ARGV: create|update, idle timeout (ms), number of fields to set,
	 * the fields and values to set, then the fields to remove. Answers 0 for an update of
	 * a session that no longer exists.
	 */
	private static final RedisScript<Long> WRITE = RedisScript.of("""
			if ARGV[1] == 'update' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			local last = 3 + 2 * tonumber(ARGV[3])
			redis.call('HSET', KEYS[1], unpack(ARGV, 4, last))
			if #ARGV > last then redis.call('HDEL', KEYS[1], unpack(ARGV, last + 1)) end
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return 1
			""", Long.class);

	/**
	 * KEYS: one index set. ARGV: now (ms), the session's expiry (ms), the session id, the
	 * id it had before (or empty).
	 */
	private static final RedisScript<Long> INDEX = RedisScript.of("""
			local now = tonumber(ARGV[1])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
			if ARGV[4] ~= '' then redis.call('ZREM', KEYS[1], ARGV[4]) end
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
			local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
			redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(latest[2]) - now))
			return 1
			""", Long.class);

	private final ReactiveRedisTemplate<String, byte[]> sessions;

	private final ReactiveRedisTemplate<ByteBuffer, ByteBuffer> scripts;

	private final SessionValueCodec values;

	private final LocalSessionCache cache;

	private final SessionKeys keys;

	private final Duration timeout;

	private final Duration touchInterval;

	private final Clock clock;

	/**
	 * Create a repository.
	 * @param sessions reads session hashes (string keys and fields, stored values)
	 * @param scripts writes them
	 * @param values encodes and decodes values
	 * @param cache this replica's copies
	 * @param namespace the key namespace
	 * @param timeout how long a session lives without requests
	 * @param touchInterval how often the access time is written
	 * @param clock the time
	 */
	TrackedRedisSessionRepository(ReactiveRedisTemplate<String, byte[]> sessions,
			ReactiveRedisTemplate<ByteBuffer, ByteBuffer> scripts, SessionValueCodec values, LocalSessionCache cache,
			String namespace, Duration timeout, Duration touchInterval, Clock clock) {
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
		if (session.hasWriteFailed()) {
			return Mono.empty();
		}
		if (!session.needsWrite(this.touchInterval)) {
			this.cache.accessed(session.getId(), session.getLastAccessedTime());
			return Mono.empty();
		}
		String storedId = session.storedId();
		Mono<Void> saved = write(session).doOnSuccess((done) -> session.written()).doFinally((signal) -> {
			this.cache.invalidate(storedId);
			this.cache.invalidate(session.getId());
		});
		return session.onlyTouched() ? saved.onErrorResume(RedisFailures::isUnavailable, this::touchFailed)
				: saved.doOnError(RedisFailures::isUnavailable, (ex) -> session.writeFailed());
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

	/**
	 * Write the session, then its index entries, unless it was deleted meanwhile (a
	 * logout on another replica).
	 */
	private Mono<Void> write(TrackedSession session) {
		Mono<Boolean> written = session.idChanged() ? move(session) : Mono.defer(() -> writeHash(session));
		return written.flatMap((stored) -> stored ? index(session) : Mono.empty());
	}

	/**
	 * A session with a new id is written whole under its new key, then the old key is
	 * deleted; a session that no longer exists under its old id is not brought back.
	 */
	private Mono<Boolean> move(TrackedSession session) {
		String stored = key(session.storedId());
		return this.sessions.hasKey(stored)
			.flatMap((exists) -> exists
					? writeHash(session).flatMap((written) -> this.sessions.delete(stored).thenReturn(written))
					: Mono.just(false));
	}

	private Mono<Boolean> writeHash(TrackedSession session) {
		String key = key(session.getId());
		List<ByteBuffer> set = new ArrayList<>();
		List<ByteBuffer> remove = new ArrayList<>();
		number(set, LAST_ACCESSED_TIME, session.getLastAccessedTime().toEpochMilli());
		number(set, MAX_INACTIVE_INTERVAL, session.getMaxInactiveInterval().toSeconds());
		if (session.writesAll()) {
			number(set, CREATION_TIME, session.getCreationTime().toEpochMilli());
		}
		session.changedAttributes().forEach((name, value) -> {
			if (value != null) {
				String field = ATTRIBUTE_PREFIX + name;
				set.add(text(field));
				set.add(ByteBuffer.wrap(this.values.encode(key, field, value)));
			}
			else {
				remove.add(text(ATTRIBUTE_PREFIX + name));
			}
		});
		List<ByteBuffer> args = new ArrayList<>(3 + set.size() + remove.size());
		args.add(text((session.isNew() || session.idChanged()) ? "create" : "update"));
		args.add(text(Long.toString(session.getMaxInactiveInterval().toMillis())));
		args.add(text(Integer.toString(set.size() / 2)));
		args.addAll(set);
		args.addAll(remove);
		return this.scripts.execute(WRITE, List.of(text(key)), args)
			.next()
			.map((written) -> written == 1L)
			.defaultIfEmpty(false);
	}

	/**
	 * Enter a written session in the index sets of its user and provider session, each
	 * set by a script of its own (a Redis Cluster keeps them in other slots).
	 */
	private Mono<Void> index(TrackedSession session) {
		List<String> indexKeys = indexKeys(session.getAttribute(SessionDetails.ATTRIBUTE));
		if (indexKeys.isEmpty()) {
			return Mono.empty();
		}
		Instant expiry = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		List<ByteBuffer> args = List.of(text(Long.toString(this.clock.millis())),
				text(Long.toString(expiry.toEpochMilli())), text(session.getId()),
				text(session.idChanged() ? session.storedId() : ""));
		return Flux.fromIterable(indexKeys)
			.flatMap((index) -> this.scripts.execute(INDEX, List.of(text(index)), args))
			.then();
	}

	/**
	 * The index sets a session with these details belongs to.
	 */
	private List<String> indexKeys(@Nullable SessionDetails details) {
		if (details == null) {
			return List.of();
		}
		String user = this.keys.user(details.issuer(), details.subject());
		return (details.sid() != null) ? List.of(user, this.keys.providerSession(details.issuer(), details.sid()))
				: List.of(user);
	}

	private static void number(List<ByteBuffer> set, String name, long value) {
		set.add(text(name));
		set.add(ByteBuffer.wrap(SessionValueCodec.encodeNumber(value)));
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
		return this.sessions.<String, byte[]>opsForHash()
			.entries(key(id))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.mapNotNull((hash) -> read(id, hash))
			.filter((read) -> !expired(read.session(), now))
			.map((read) -> {
				if (read.previousFormat()) {
					// Not kept in memory: the request that rewrites it must know.
					return TrackedSession.inPreviousFormat(read.session());
				}
				this.cache.put(read.session(), epoch);
				return TrackedSession.stored(read.session());
			})
			.onErrorResume(SerializationException.class, (ex) -> {
				logger
					.warn("Ignoring a session that cannot be read (" + ex.getMessage() + "); the user signs in again");
				return Mono.empty();
			});
	}

	private @Nullable ReadSession read(String id, Map<String, byte[]> hash) {
		byte[] created = hash.get(CREATION_TIME);
		byte[] accessed = hash.get(LAST_ACCESSED_TIME);
		byte[] maxInactive = hash.get(MAX_INACTIVE_INTERVAL);
		if (created == null || accessed == null || maxInactive == null) {
			return null;
		}
		String key = key(id);
		MapSession session = new MapSession(id);
		session.setCreationTime(Instant.ofEpochMilli(this.values.decodeNumber(key, CREATION_TIME, created)));
		session.setLastAccessedTime(Instant.ofEpochMilli(this.values.decodeNumber(key, LAST_ACCESSED_TIME, accessed)));
		session.setMaxInactiveInterval(
				Duration.ofSeconds(this.values.decodeNumber(key, MAX_INACTIVE_INTERVAL, maxInactive)));
		boolean previousFormat = false;
		for (Map.Entry<String, byte[]> field : hash.entrySet()) {
			previousFormat |= SessionValueCodec.isPreviousFormat(field.getValue());
			if (field.getKey().startsWith(ATTRIBUTE_PREFIX)) {
				session.setAttribute(field.getKey().substring(ATTRIBUTE_PREFIX.length()),
						this.values.decode(key, field.getKey(), field.getValue()));
			}
		}
		return new ReadSession(session, previousFormat);
	}

	private static boolean expired(MapSession session, Instant now) {
		return session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isBefore(now);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		this.cache.invalidate(id);
		String key = key(id);
		return this.sessions.<String, byte[]>opsForHash()
			.get(key, DETAILS_FIELD)
			.map((stored) -> this.values.decode(key, DETAILS_FIELD, stored))
			.ofType(SessionDetails.class)
			.onErrorResume(SerializationException.class, (ex) -> Mono.empty())
			.map(this::indexKeys)
			.defaultIfEmpty(List.of())
			.flatMap((indexKeys) -> this.sessions.delete(key)
				.thenMany(Flux.fromIterable(indexKeys))
				.flatMap((index) -> this.scripts.opsForZSet().remove(text(index), text(id)))
				.then())
			.doFinally((signal) -> this.cache.invalidate(id));
	}

	private String key(String id) {
		return this.keys.session(id);
	}

	/**
	 * A session as read from Redis.
	 *
	 * @param session its state
	 * @param previousFormat whether some of its values are in the previous release's
	 * format
	 */
	private record ReadSession(MapSession session, boolean previousFormat) {
	}

}
