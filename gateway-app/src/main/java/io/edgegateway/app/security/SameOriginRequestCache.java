package io.edgegateway.app.security;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * Remembers where a browser was going before it was sent to sign in, and sends it back
 * there afterwards, but only to a path on this gateway: a saved target such as
 * {@code //evil.example/} or {@code /\evil.example} is never used, so the login flow
 * cannot be turned into an open redirect.
 */
final class SameOriginRequestCache implements ServerRequestCache {

	private final WebSessionServerRequestCache sessionCache = new WebSessionServerRequestCache();

	SameOriginRequestCache() {
		this.sessionCache.setSaveRequestMatcher(ServerWebExchangeMatchers.anyExchange());
	}

	@Override
	public Mono<Void> saveRequest(ServerWebExchange exchange) {
		if (!BrowserNavigation.isNavigation(exchange.getRequest())
				|| !isSameOriginPath(exchange.getRequest().getURI().getRawPath())) {
			return Mono.empty();
		}
		return this.sessionCache.saveRequest(exchange);
	}

	/**
	 * Remember an explicit target, such as the page a SPA wants to return to after
	 * sign-in.
	 * @param exchange the exchange
	 * @param target a path on this gateway, with an optional query
	 * @return whether the target was accepted
	 */
	Mono<Boolean> saveTarget(ServerWebExchange exchange, String target) {
		if (!isSameOriginPath(target)) {
			return Mono.just(false);
		}
		URI uri = exchange.getRequest().getURI().resolve(target);
		ServerHttpRequest request = exchange.getRequest().mutate().uri(uri).build();
		return this.sessionCache.saveRequest(exchange.mutate().request(request).build()).thenReturn(true);
	}

	@Override
	public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
		return this.sessionCache.getRedirectUri(exchange).filter((uri) -> isSameOriginPath(uri.toString()));
	}

	@Override
	public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
		return this.sessionCache.removeMatchingRequest(exchange);
	}

	/**
	 * Whether a target is a path on this origin: it starts with one {@code /} followed by
	 * neither {@code /} nor {@code \}, and has no scheme, authority or control
	 * characters.
	 * @param target the target
	 * @return whether it is safe to redirect to
	 */
	static boolean isSameOriginPath(String target) {
		if (target.length() == 0 || target.charAt(0) != '/') {
			return false;
		}
		if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
			return false;
		}
		for (int i = 0; i < target.length(); i++) {
			if (Character.isISOControl(target.charAt(i)) || target.charAt(i) == '\\') {
				return false;
			}
		}
		try {
			URI uri = URI.create(target);
			return uri.getScheme() == null && uri.getRawAuthority() == null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
