package io.edgegateway.filters.request;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a request id before anything else runs (security included, so a
 * {@code 401} carries one too), returns it on the response and writes one access log line
 * with it when the exchange completes.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

	/**
	 * The order: before Spring Security's filter chain ({@code -100}).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final Log logger = LogFactory.getLog("io.edgegateway.access");

	private final String headerName;

	public RequestIdWebFilter(String headerName) {
		this.headerName = headerName;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String requestId = RequestIds.resolve(request.getHeaders().get(this.headerName));
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(this.headerName, requestId);
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> logCompletion(exchange, requestId, start));
	}

	private void logCompletion(ServerWebExchange exchange, String requestId, long start) {
		if (logger.isInfoEnabled()) {
			ServerHttpRequest request = exchange.getRequest();
			logger.info("request_id=%s method=%s path=%s status=%s duration_ms=%d".formatted(requestId,
					request.getMethod(), request.getPath().value(), exchange.getResponse().getStatusCode(),
					(System.nanoTime() - start) / 1_000_000));
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
