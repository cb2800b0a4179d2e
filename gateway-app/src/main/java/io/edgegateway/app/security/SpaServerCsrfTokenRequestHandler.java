package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * CSRF tokens for single-page apps: a SPA reads the {@code XSRF-TOKEN} cookie and echoes it raw in
 * {@code X-XSRF-TOKEN}; a server-rendered form sends the masked value ({@code _csrf}), which keeps BREACH
 * protection for tokens written into pages.
 */
final class SpaServerCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

	private final ServerCsrfTokenRequestHandler plain = new ServerCsrfTokenRequestAttributeHandler();

	private final ServerCsrfTokenRequestHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
		this.masked.handle(exchange, csrfToken);
	}

	@Override
	public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
		if (exchange.getRequest().getHeaders().containsHeader(csrfToken.getHeaderName())) {
			return this.plain.resolveCsrfTokenValue(exchange, csrfToken);
		}
		return this.masked.resolveCsrfTokenValue(exchange, csrfToken);
	}

}
