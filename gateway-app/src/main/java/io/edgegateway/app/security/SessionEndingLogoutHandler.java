package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.WebSession;

/**
 * At logout, the session ends: it is deleted from the session store and its index, on
 * every replica. Spring Security's own handler only takes the security context out and
 * gives the session a new id, which would keep the session (and the user's tokens in it)
 * alive under a new cookie, and keep it listed among the user's sessions.
 */
final class SessionEndingLogoutHandler implements ServerLogoutHandler {

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		return exchange.getExchange().getSession().flatMap(WebSession::invalidate);
	}

}
