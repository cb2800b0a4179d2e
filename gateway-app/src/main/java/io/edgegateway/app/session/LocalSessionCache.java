package io.edgegateway.app.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;

/**
 * This replica's decoded copies of the sessions it serves, so that a signed-in user's
 * next request reads nothing from Redis. A copy is only served while Redis is known to
 * tell this replica of every change to a session ({@link SessionInvalidations}): any
 * change anywhere drops the copy, and while the news may be missing (not yet set up, the
 * connection lost) nothing is served from here.
 * <p>
 * A read that raced with a change must not put back what the change replaced: every
 * change advances an epoch, and a copy read before the epoch moved is not kept.
 */
final class LocalSessionCache {

	private final Cache<String, Entry> sessions;

	private final AtomicLong epoch = new AtomicLong();

	private volatile boolean trusted;

	/**
	 * Create a cache.
	 * @param maximumSize how many sessions to keep
	 * @param maximumAge how long a copy is kept at most, even if no change is heard of
	 */
	LocalSessionCache(long maximumSize, Duration maximumAge) {
		this.sessions = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
	}

	/**
	 * The session as stored in Redis, if there is a copy that may be served at
	 * {@code now}: one not idle on this replica for longer than its timeout. A copy whose
	 * idle time ran out here may have been used on another replica since, so it is not an
	 * answer either way.
	 * @param id the session id
	 * @param now the current time
	 * @return the stored state (never to be changed), or {@code null}
	 */
	@Nullable MapSession get(String id, Instant now) {
		if (!this.trusted) {
			return null;
		}
		Entry entry = this.sessions.getIfPresent(id);
		if (entry == null || entry.lastAccess.plus(entry.stored.getMaxInactiveInterval()).isBefore(now)) {
			return null;
		}
		return entry.stored;
	}

	/**
	 * The epoch to pass to {@link #put} for a read that starts now.
	 * @return the epoch
	 */
	long epoch() {
		return this.epoch.get();
	}

	/**
	 * Keep a session read from Redis, unless a change was heard of since the read began.
	 * @param session the session
	 * @param readEpoch {@link #epoch()} before the read
	 */
	void put(MapSession session, long readEpoch) {
		if (!this.trusted || this.epoch.get() != readEpoch) {
			return;
		}
		this.sessions.put(session.getId(), new Entry(session));
		if (this.epoch.get() != readEpoch) {
			this.sessions.invalidate(session.getId());
		}
	}

	/**
	 * Record that this replica served the session at {@code time}, so that its idle time
	 * is counted from there.
	 * @param id the session id
	 * @param time the access time
	 */
	void accessed(String id, Instant time) {
		Entry entry = this.sessions.getIfPresent(id);
		if (entry != null && time.isAfter(entry.lastAccess)) {
			entry.lastAccess = time;
		}
	}

	/**
	 * The session changed or ended.
	 * @param id the session id
	 */
	void invalidate(String id) {
		this.epoch.incrementAndGet();
		this.sessions.invalidate(id);
	}

	/**
	 * Every session may have changed (Redis was flushed).
	 */
	void invalidateAll() {
		this.epoch.incrementAndGet();
		this.sessions.invalidateAll();
	}

	/**
	 * Redis now tells this replica of every change: copies may be kept and served.
	 */
	void trust() {
		if (!this.trusted) {
			invalidateAll();
			this.trusted = true;
		}
	}

	/**
	 * News of changes may be missing: nothing is served from here until {@link #trust()}.
	 */
	void distrust() {
		this.trusted = false;
		invalidateAll();
	}

	boolean isTrusted() {
		return this.trusted;
	}

	/**
	 * A session as stored in Redis, and when this replica last served it.
	 */
	private static final class Entry {

		private final MapSession stored;

		private volatile Instant lastAccess;

		Entry(MapSession stored) {
			this.stored = stored;
			this.lastAccess = stored.getLastAccessedTime();
		}

	}

}
