package io.edgegateway.app.security;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * Which requests CSRF protects: what a browser sends with its cookie to change state
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}). A request carrying a bearer
 * token is authenticated by that token alone (a session cookie beside it is not
 * consulted), and no other site can make a browser add one.
 */
final class CsrfProtection {

	/**
	 * The cookie that carries the CSRF token to a SPA's scripts.
	 */
	static final String COOKIE = "XSRF-TOKEN";

	private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	private static final Mono<MatchResult> MATCH = MatchResult.match();

	private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

	/**
	 * Matches the requests whose CSRF token is checked.
	 */
	static final ServerWebExchangeMatcher MATCHER = (
			exchange) -> (isStateChanging(exchange.getRequest()) && !BearerTokens.isPresent(exchange.getRequest()))
					? MATCH : NO_MATCH;

	private CsrfProtection() {
	}

	/**
	 * Whether a request's method changes state.
	 * @param request the request
	 * @return whether it does
	 */
	static boolean isStateChanging(ServerHttpRequest request) {
		return STATE_CHANGING.contains(request.getMethod());
	}

}
