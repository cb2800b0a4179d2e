package io.edgegateway.app.session;

/**
 * Told when a session changed or ended, on any replica: a logout, a revocation, a
 * back-channel logout, its expiry, or only a newer access time. What changed is not said:
 * a listener that cares reads the session again.
 */
public interface SessionChangeListener {

	/**
	 * A session changed or ended.
	 * @param sessionId the session's id (its cookie's value)
	 */
	void changed(String sessionId);

	/**
	 * Changes may have gone unheard (the news from Redis was interrupted, or Redis was
	 * flushed): any session may have changed.
	 */
	void anyMayHaveChanged();

}
