package io.edgegateway.app.websocket;

import io.edgegateway.filters.access.AccessRuleException;
import io.edgegateway.filters.user.SignedInUser;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses cross-site WebSocket hijacking: a WebSocket handshake authenticated by the
 * session cookie must come from a page of the gateway's own origin or an allowed one
 * ({@code edge.websocket.allowed-origins}). A browser sends the session cookie with a
 * WebSocket handshake any page starts (same-site pages even with {@code SameSite=Lax}),
 * and a handshake is a {@code GET} that CSRF protection does not cover; the browser's
 * {@code Origin} header, which no page can change, tells who started it. A handshake
 * without {@code Origin} comes from no browser and passes, as with Spring's
 * {@code OriginHandshakeInterceptor}; so does one with a bearer token, which no other
 * site can make a browser send. The refusal is a {@code 403} of the access rule, audited
 * as a denial, before any credential is minted.
 */
final class WebSocketOriginFilter implements GlobalFilter, Ordered {

	/**
	 * The rule a refused handshake did not meet, as its problem and audit event name it.
	 */
	static final String RULE = "a WebSocket opened with the session cookie from this site's origin or "
			+ "edge.websocket.allowed-origins";

	private static final String WEBSOCKET = "websocket";

	private final AllowedOrigins origins;

	WebSocketOriginFilter(AllowedOrigins origins) {
		this.origins = origins;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String origin = request.getHeaders().getOrigin();
		Mono<SignedInUser> user = exchange.getAttribute(SignedInUser.ATTRIBUTE);
		if (!WEBSOCKET.equalsIgnoreCase(request.getHeaders().getUpgrade()) || origin == null || user == null
				|| this.origins.allows(origin, request.getURI())) {
			return chain.filter(exchange);
		}
		return user.filter((signedIn) -> signedIn.kind() == SignedInUser.Kind.SESSION)
			.hasElement()
			.flatMap((bySession) -> bySession ? Mono.error(refusal(exchange)) : chain.filter(exchange));
	}

	private static AccessRuleException refusal(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return new AccessRuleException((route != null) ? route.getId() : "(none)", RULE);
	}

	/**
	 * Right after the audit filter, so the refusal is audited, and before the route's
	 * filters, so nothing is minted for it.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
