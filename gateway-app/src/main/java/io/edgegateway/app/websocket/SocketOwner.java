package io.edgegateway.app.websocket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What authenticated a WebSocket's handshake, and so how long the socket may stay open: a
 * browser session (while it lasts), a bearer token (until its {@code exp}), or nobody (a
 * public route: as long as the client and upstream keep it).
 *
 * @param sessionId the session's id, for a session-authenticated socket
 * @param expiresAt when the socket must close unless its session was used since: the
 * bearer token's expiry, or the session's idle expiry as the handshake left it
 */
record SocketOwner(@Nullable String sessionId, @Nullable Instant expiresAt) {

	/**
	 * A socket no user opened.
	 */
	static final SocketOwner NOBODY = new SocketOwner(null, null);

	static SocketOwner session(String sessionId, Instant expiresAt) {
		return new SocketOwner(sessionId, expiresAt);
	}

	static SocketOwner bearer(@Nullable Instant expiresAt) {
		return new SocketOwner(null, expiresAt);
	}

}
