package io.edgegateway.app.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A session as one request sees it: a private copy of the stored state, and what the
 * request changed, so that saving it writes only the changes, and nothing at all when
 * only the access time moved by less than the touch interval.
 */
final class TrackedSession implements Session {

	private final MapSession session;

	private final Map<String, @Nullable Object> changedAttributes = new LinkedHashMap<>();

	private @Nullable Instant storedAccessTime;

	private String storedId;

	private boolean maxInactiveIntervalChanged;

	private boolean previousFormat;

	private boolean writeFailed;

	private TrackedSession(MapSession session, @Nullable Instant storedAccessTime, boolean previousFormat) {
		this.session = session;
		this.storedAccessTime = storedAccessTime;
		this.storedId = session.getId();
		this.previousFormat = previousFormat;
	}

	/**
	 * A session not yet in Redis.
	 * @param session its state
	 * @return the session
	 */
	static TrackedSession created(MapSession session) {
		return new TrackedSession(session, null, false);
	}

	/**
	 * A session read from Redis or from this replica's copy of it.
	 * @param stored the stored state, copied so the request's changes stay its own
	 * @return the session
	 */
	static TrackedSession stored(MapSession stored) {
		return new TrackedSession(new MapSession(stored), stored.getLastAccessedTime(), false);
	}

	/**
	 * A session read from Redis with values in the previous release's format: saving it
	 * writes every value in the current format.
	 * @param stored the stored state, copied so the request's changes stay its own
	 * @return the session
	 */
	static TrackedSession inPreviousFormat(MapSession stored) {
		return new TrackedSession(new MapSession(stored), stored.getLastAccessedTime(), true);
	}

	boolean isNew() {
		return this.storedAccessTime == null;
	}

	String storedId() {
		return this.storedId;
	}

	boolean idChanged() {
		return !isNew() && !this.storedId.equals(getId());
	}

	/**
	 * Whether saving the session must write to Redis: it is new, its id, attributes or
	 * timeout changed, or its stored access time is at least {@code touchInterval} old.
	 * @param touchInterval how often the access time (and the idle expiry) is renewed
	 * @return whether to write
	 */
	boolean needsWrite(Duration touchInterval) {
		return !onlyTouched()
				|| Duration.between(this.storedAccessTime, getLastAccessedTime()).compareTo(touchInterval) >= 0;
	}

	/**
	 * Whether a write would only renew the access time and idle expiry: nothing the
	 * request did would be lost without it.
	 * @return whether the session only needs touching
	 */
	boolean onlyTouched() {
		return !writesAll() && !this.maxInactiveIntervalChanged && this.changedAttributes.isEmpty();
	}

	/**
	 * Whether saving writes every value, not only the changed ones: the session is new,
	 * its id changed (its values are bound to its key, so they are written again under
	 * the new one), or it was read in the previous release's format.
	 * @return whether every value is written
	 */
	boolean writesAll() {
		return isNew() || idChanged() || this.previousFormat;
	}

	/**
	 * The attributes to write: the changed ones, or all when {@link #writesAll()}, with
	 * {@code null} for a removed one.
	 * @return the attributes by name
	 */
	Map<String, @Nullable Object> changedAttributes() {
		if (!writesAll()) {
			return this.changedAttributes;
		}
		Map<String, @Nullable Object> attributes = allAttributes();
		this.changedAttributes.forEach((name, value) -> attributes.putIfAbsent(name, value));
		return attributes;
	}

	private Map<String, @Nullable Object> allAttributes() {
		Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
		for (String name : this.session.getAttributeNames()) {
			attributes.put(name, this.session.getAttribute(name));
		}
		return attributes;
	}

	/**
	 * Writing the session failed in this request, which is answered with that failure: it
	 * is not tried again when the answer is sent.
	 */
	void writeFailed() {
		this.writeFailed = true;
	}

	/**
	 * Whether writing the session failed in this request.
	 * @return whether it failed
	 */
	boolean hasWriteFailed() {
		return this.writeFailed;
	}

	/**
	 * The session was written: what the request changed is now stored.
	 */
	void written() {
		this.storedId = getId();
		this.storedAccessTime = getLastAccessedTime();
		this.changedAttributes.clear();
		this.maxInactiveIntervalChanged = false;
		this.previousFormat = false;
	}

	@Override
	public String getId() {
		return this.session.getId();
	}

	@Override
	public String changeSessionId() {
		return this.session.changeSessionId();
	}

	@Override
	public <T> @Nullable T getAttribute(String attributeName) {
		return this.session.getAttribute(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return this.session.getAttributeNames();
	}

	@Override
	public void setAttribute(String attributeName, @Nullable Object attributeValue) {
		this.session.setAttribute(attributeName, attributeValue);
		this.changedAttributes.put(attributeName, attributeValue);
	}

	@Override
	public void removeAttribute(String attributeName) {
		this.session.removeAttribute(attributeName);
		this.changedAttributes.put(attributeName, null);
	}

	@Override
	public Instant getCreationTime() {
		return this.session.getCreationTime();
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.session.setLastAccessedTime(lastAccessedTime);
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.session.getLastAccessedTime();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.session.setMaxInactiveInterval(interval);
		this.maxInactiveIntervalChanged = true;
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.session.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return this.session.isExpired();
	}

}
