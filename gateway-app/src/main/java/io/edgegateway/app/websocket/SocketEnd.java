package io.edgegateway.app.websocket;

import java.util.Locale;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Why the gateway closed a proxied WebSocket, and the close frame the client gets:
 * {@code 1008} (policy violation, RFC 6455 section 7.4.1) with a reason that tells the
 * client what to do. Spring Cloud Gateway's proxy passes the close on to the upstream.
 */
enum SocketEnd {

	/**
	 * The browser session that opened the socket ended: logout, revocation, back-channel
	 * logout or expiry. The client signs in again.
	 */
	SESSION_ENDED(CloseStatus.POLICY_VIOLATION.withReason("session ended")),

	/**
	 * The bearer token that opened the socket expired. The client opens a new socket with
	 * a fresh token.
	 */
	TOKEN_EXPIRED(CloseStatus.POLICY_VIOLATION.withReason("token expired"));

	private final CloseStatus status;

	SocketEnd(CloseStatus status) {
		this.status = status;
	}

	CloseStatus status() {
		return this.status;
	}

	/**
	 * The reason as metrics tag it.
	 * @return e.g. {@code session_ended}
	 */
	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
