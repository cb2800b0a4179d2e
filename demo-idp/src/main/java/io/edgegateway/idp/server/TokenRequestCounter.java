package io.edgegateway.idp.server;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests that reach the token endpoint, per {@code grant_type}, before any
 * security check. Registered for the token endpoint only; lets tests assert how often a
 * client refreshed or fetched a token.
 */
public final class TokenRequestCounter extends OncePerRequestFilter {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	/**
	 * How many requests with the given grant type reached the token endpoint so far.
	 * @param grantType the {@code grant_type} parameter, for example
	 * {@code refresh_token}
	 * @return the count
	 */
	public int count(String grantType) {
		AtomicInteger count = this.counts.get(grantType);
		return (count != null) ? count.get() : 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		if (grantType != null) {
			this.counts.computeIfAbsent(grantType, (key) -> new AtomicInteger()).incrementAndGet();
		}
		chain.doFilter(request, response);
	}

}
