package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the bearer token of the {@code Authorization} header, with the rules of Spring
 * Security's {@code ServerBearerTokenAuthenticationConverter} as the gateway configures
 * it (header only: no token in the query or a form body): a header that starts with
 * {@code bearer} (any case) must be {@code Bearer <b64token>} (RFC 6750), or the request
 * fails with {@code invalid_token} "Bearer token is malformed". It checks the characters
 * in one pass instead of a regular expression, and without the operators that merge three
 * possible sources of a token, on every request: a JWT is several hundred characters
 * long.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

	private static final String SCHEME = "Bearer ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (!StringUtils.startsWithIgnoreCase(authorization, "bearer")) {
			return Mono.empty();
		}
		if (!isWellFormed(authorization)) {
			return Mono.error(() -> new OAuth2AuthenticationException(
					BearerTokenErrors.invalidToken("Bearer token is malformed")));
		}
		return Mono.just(new BearerTokenAuthenticationToken(token(authorization)));
	}

	/**
	 * The token of a well-formed header value ({@link #isWellFormed}).
	 * @param authorization the header value
	 * @return the token
	 */
	static String token(String authorization) {
		return authorization.substring(SCHEME.length());
	}

	/**
	 * Whether a header value is {@code Bearer} (any case), one space, then at least one
	 * character of {@code A-Z a-z 0-9 - . _ ~ + /} followed by any number of {@code =}.
	 */
	static boolean isWellFormed(String authorization) {
		if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return false;
		}
		int i = SCHEME.length();
		int tokenStart = i;
		while (i < authorization.length() && isTokenCharacter(authorization.charAt(i))) {
			i++;
		}
		if (i == tokenStart) {
			return false;
		}
		while (i < authorization.length() && authorization.charAt(i) == '=') {
			i++;
		}
		return i == authorization.length();
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
