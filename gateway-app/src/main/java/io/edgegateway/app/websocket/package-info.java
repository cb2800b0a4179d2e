/**
 * Proxied WebSockets: the handshake's {@code Origin} checked for a session-authenticated
 * upgrade, and every open socket closed when the session or bearer token that opened it
 * ends.
 */
@NullMarked
package io.edgegateway.app.websocket;

import org.jspecify.annotations.NullMarked;
