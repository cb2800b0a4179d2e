package io.edgegateway.app.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Tells a browser's top-level navigation from a script's request. A navigation without a
 * session is sent to the login page; anything else gets a {@code 401} it can handle,
 * never an HTML redirect that a SPA's {@code fetch} would silently follow.
 */
final class BrowserNavigation {

	/**
	 * Matches top-level navigations.
	 */
	static final ServerWebExchangeMatcher MATCHER = (exchange) -> isNavigation(exchange.getRequest())
			? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

	private BrowserNavigation() {
	}

	/**
	 * Whether a request is a browser's top-level navigation:
	 * {@code Sec-Fetch-Mode: navigate} where the browser sends fetch metadata; otherwise
	 * a {@code GET} that asks for HTML and does not say it comes from a script
	 * ({@code X-Requested-With}).
	 * @param request the request
	 * @return whether it is a navigation
	 */
	static boolean isNavigation(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		String mode = headers.getFirst("Sec-Fetch-Mode");
		if (mode != null) {
			return "navigate".equalsIgnoreCase(mode);
		}
		if (headers.containsHeader("X-Requested-With") || !HttpMethod.GET.equals(request.getMethod())) {
			return false;
		}
		return headers.getAccept().stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
	}

}
