package io.edgegateway.idp.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests that reach the paths it is registered on, so tests can tell how
 * often a client fetched the provider's keys, or that it called the provider at all.
 */
public final class RequestCounter extends OncePerRequestFilter {

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * How many requests reached the counted paths so far.
	 * @return the count
	 */
	public int count() {
		return this.count.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.count.incrementAndGet();
		chain.doFilter(request, response);
	}

}
