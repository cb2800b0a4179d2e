package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * CSRF tokens at a proxy: read from the {@code X-XSRF-TOKEN} header, which a SPA fills
 * from the readable {@code XSRF-TOKEN} cookie. Spring Security's default also reads a
 * {@code _csrf} form field, but reading the body consumes it, and a proxied form would
 * reach its upstream empty; so only the gateway's own endpoints (logout) accept the form
 * field.
 */
final class ProxyCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

	private static final String LOGOUT_PATH = "/logout";

	private final ServerCsrfTokenRequestHandler ownEndpoints = new ServerCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
		this.ownEndpoints.handle(exchange, csrfToken);
	}

	@Override
	public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
		if (LOGOUT_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return this.ownEndpoints.resolveCsrfTokenValue(exchange, csrfToken);
		}
		return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()));
	}

}
