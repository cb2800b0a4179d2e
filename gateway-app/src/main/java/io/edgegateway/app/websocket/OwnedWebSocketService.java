package io.edgegateway.app.websocket;

import java.time.Instant;
import java.util.List;

import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's WebSocket handshakes ({@code WebsocketRoutingFilter}), each
 * socket bound to what authenticated its handshake ({@link SocketOwner}) and watched by
 * {@link OpenWebSockets} until it closes. Closing the client's side closes the upstream's
 * with the same status: Spring Cloud Gateway's proxy passes a close on.
 */
final class OwnedWebSocketService implements WebSocketService {

	private final WebSocketService handshakes;

	private final OpenWebSockets sockets;

	/**
	 * Create the service.
	 * @param handshakes Spring Cloud Gateway's handshake service
	 * @param sockets the open sockets
	 */
	OwnedWebSocketService(WebSocketService handshakes, OpenWebSockets sockets) {
		this.handshakes = handshakes;
		this.sockets = sockets;
	}

	/**
	 * Upgrade to a WebSocket. The exchange's status says {@code 101} before the upgrade
	 * commits the response (Reactor Netty answers the upgrade itself, without it), so
	 * that the audit event and the access log tell what the client got; a handshake that
	 * fails answers with its own status.
	 */
	@Override
	public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
		return owner(exchange).flatMap((owner) -> {
			exchange.getResponse().setStatusCode(HttpStatus.SWITCHING_PROTOCOLS);
			return this.handshakes.handleRequest(exchange, new OwnedHandler(handler, owner));
		});
	}

	private static Mono<SocketOwner> owner(ServerWebExchange exchange) {
		Mono<SignedInUser> user = exchange.getAttribute(SignedInUser.ATTRIBUTE);
		if (user == null) {
			return Mono.just(SocketOwner.NOBODY);
		}
		return user
			.flatMap((signedIn) -> (signedIn.kind() == SignedInUser.Kind.SESSION)
					? exchange.getSession()
						.map((session) -> SocketOwner.session(session.getId(),
								session.getLastAccessTime().plus(session.getMaxIdleTime())))
					: Mono.just(SocketOwner.bearer(expiry(signedIn.authentication()))))
			.defaultIfEmpty(SocketOwner.NOBODY);
	}

	private static @Nullable Instant expiry(Authentication authentication) {
		return (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)
				? token.getToken().getExpiresAt() : null;
	}

	/**
	 * The proxy's handler, with the socket watched while it is open.
	 */
	private final class OwnedHandler implements WebSocketHandler {

		private final WebSocketHandler proxy;

		private final SocketOwner owner;

		OwnedHandler(WebSocketHandler proxy, SocketOwner owner) {
			this.proxy = proxy;
			this.owner = owner;
		}

		@Override
		public List<String> getSubProtocols() {
			return this.proxy.getSubProtocols();
		}

		@Override
		public Mono<Void> handle(WebSocketSession socket) {
			return Mono.using(() -> OwnedWebSocketService.this.sockets.opened(socket, this.owner),
					(watched) -> this.proxy.handle(socket), Disposable::dispose);
		}

	}

}
