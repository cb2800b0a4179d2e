package io.edgegateway.app.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Whether a request presents a bearer token: such a request is authenticated by the token
 * alone.
 */
final class BearerTokens {

	/**
	 * Matches requests with {@code Authorization: Bearer ...}.
	 */
	static final ServerWebExchangeMatcher MATCHER = (exchange) -> isPresent(exchange.getRequest())
			? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

	private BearerTokens() {
	}

	static boolean isPresent(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
