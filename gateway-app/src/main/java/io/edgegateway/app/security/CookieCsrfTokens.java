package io.edgegateway.app.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * CSRF tokens in the {@code XSRF-TOKEN} cookie, readable by a SPA's scripts, as
 * {@link CookieServerCsrfTokenRepository} keeps them, but minted on the calling thread.
 * <p>
 * Spring Security mints a token on a bounded-elastic thread, in case its
 * {@code SecureRandom} blocks. At a proxy that answers every request of a client without
 * the cookie (a script, a first page view) with a new token, that moves the rest of each
 * such request (routing, the upstream call) to another thread, behind the scheduler's
 * lock, and cost more CPU than the whole proxied request. Here tokens come from one
 * {@code DRBG} generator, seeded once when the gateway starts and never blocking after:
 * 128 random bits per token, URL-safe Base64.
 */
final class CookieCsrfTokens implements ServerCsrfTokenRepository {

	private static final String HEADER_NAME = "X-XSRF-TOKEN";

	private static final String PARAMETER_NAME = "_csrf";

	private final CookieServerCsrfTokenRepository cookies = CookieServerCsrfTokenRepository.withHttpOnlyFalse();

	private final SecureRandom random;

	CookieCsrfTokens(String cookieName) {
		this.cookies.setCookieName(cookieName);
		this.cookies.setHeaderName(HEADER_NAME);
		this.cookies.setParameterName(PARAMETER_NAME);
		this.random = drbg();
		this.random.nextBytes(new byte[16]);
	}

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> new DefaultCsrfToken(HEADER_NAME, PARAMETER_NAME, newTokenValue()));
	}

	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
		return this.cookies.saveToken(exchange, token);
	}

	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		return this.cookies.loadToken(exchange);
	}

	private String newTokenValue() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK offers no DRBG SecureRandom", ex);
		}
	}

}
