package io.edgegateway.app.security;

import java.util.Arrays;
import java.util.List;

import io.edgegateway.app.web.AssertionJwksController;
import reactor.core.publisher.Mono;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of the gateway's own endpoints on the public port: OIDC sign-in
 * ({@code /oauth2/authorization/{registration}}) and its callback
 * ({@code /login/oauth2/code/{registration}}), Spring Security's login and logout pages,
 * logout, {@code /auth/**}, the health probes, the error page and the identity
 * assertions' JWK set ({@link AssertionJwksController#PATH}). Every other path is proxied
 * traffic. A path counted here that is a route's too only passes through the fuller
 * chain, never a lesser one.
 */
final class GatewayEndpoints {

	private static final List<PathPattern> PATTERNS = parse("/oauth2/**", "/login", "/login/**", "/logout",
			"/logout/**", "/auth/**", "/livez", "/readyz", "/favicon.ico", "/error", AssertionJwksController.PATH);

	private static final Mono<ServerWebExchangeMatcher.MatchResult> MATCH = ServerWebExchangeMatcher.MatchResult
		.match();

	private static final Mono<ServerWebExchangeMatcher.MatchResult> NO_MATCH = ServerWebExchangeMatcher.MatchResult
		.notMatch();

	/**
	 * Matches every request that is not for one of the gateway's own endpoints.
	 */
	static final ServerWebExchangeMatcher NOT_MATCHER = (exchange) -> isGatewayEndpoint(exchange) ? NO_MATCH : MATCH;

	private GatewayEndpoints() {
	}

	static boolean isGatewayEndpoint(ServerWebExchange exchange) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (PathPattern pattern : PATTERNS) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	private static List<PathPattern> parse(String... patterns) {
		PathPatternParser parser = new PathPatternParser();
		return Arrays.stream(patterns).map(parser::parse).toList();
	}

}
