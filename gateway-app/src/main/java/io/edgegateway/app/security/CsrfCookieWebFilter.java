package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes sure the {@code XSRF-TOKEN} cookie is written: the reactive CSRF token is loaded
 * lazily, so without a subscriber a SPA would never receive one. A request with a bearer
 * token gets none: CSRF protects what a browser sends with its cookie, and an API client
 * would be handed a new cookie, minted for nothing, on every call.
 */
final class CsrfCookieWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null && !BearerTokens.isPresent(exchange.getRequest())) ? token.then(chain.filter(exchange))
				: chain.filter(exchange);
	}

}
