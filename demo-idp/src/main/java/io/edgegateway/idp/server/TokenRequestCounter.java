package io.edgegateway.idp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests that reach a token endpoint ({@code /oauth2/token} and
 * {@code /google/token}), per {@code grant_type}, before any security check; lets tests
 * assert how often a client refreshed or fetched a token. On demand it also misbehaves,
 * for every token request: it waits a while before answering, or answers with an error
 * status and an HTML body instead of the token response.
 */
public final class TokenRequestCounter extends OncePerRequestFilter {

	private static final byte[] FAILURE_BODY = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final AtomicInteger total = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private volatile int failureStatus;

	private final List<String> traceparents = new CopyOnWriteArrayList<>();

	/**
	 * How many requests with the given grant type reached a token endpoint so far.
	 * @param grantType the {@code grant_type} parameter, for example
	 * {@code refresh_token}
	 * @return the count
	 */
	public int count(String grantType) {
		AtomicInteger count = this.counts.get(grantType);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * How many requests reached a token endpoint so far, whatever their grant type.
	 * @return the count
	 */
	public int count() {
		return this.total.get();
	}

	/**
	 * The {@code traceparent} headers token requests came with, in order (W3C Trace
	 * Context), for tests of the gateway's tracing.
	 * @return the headers so far
	 */
	public List<String> traceparents() {
		return List.copyOf(this.traceparents);
	}

	/**
	 * Makes every token request wait before it is answered.
	 * @param delay how long; {@link Duration#ZERO} answers at once
	 */
	public void delay(Duration delay) {
		this.delay = delay;
	}

	/**
	 * Makes every token request fail.
	 * @param status the status to answer with, with the body {@code <html>oops</html>}; 0
	 * answers normally again
	 */
	public void failureStatus(int status) {
		this.failureStatus = status;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.total.incrementAndGet();
		String traceparent = request.getHeader("traceparent");
		if (traceparent != null) {
			this.traceparents.add(traceparent);
		}
		String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		if (grantType != null) {
			this.counts.computeIfAbsent(grantType, (key) -> new AtomicInteger()).incrementAndGet();
		}
		pause(this.delay);
		int status = this.failureStatus;
		if (status != 0) {
			response.setStatus(status);
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setContentLength(FAILURE_BODY.length);
			response.getOutputStream().write(FAILURE_BODY);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void pause(Duration delay) {
		if (delay.isZero() || delay.isNegative()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
