package io.edgegateway.filters.request;

import io.edgegateway.filters.logging.RequestMdc;
import io.edgegateway.filters.tracing.RequestTraces;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a request id before anything else runs (security included, so a
 * {@code 401} carries one too), returns it on the response and writes the request's
 * {@link AccessLog} event when the exchange completes.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

	/**
	 * The order: before Spring Security's filter chain ({@code -100}).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final String headerName;

	private final AccessLog accessLog;

	private final RequestTraces traces;

	private final boolean idFollowsRequest;

	/**
	 * The filter.
	 * @param headerName the request id's header
	 * @param accessLog writes the access log
	 * @param traces reads the request's trace id
	 * @param idFollowsRequest whether the request id goes into the request's Reactor
	 * context, for the MDC ({@link RequestMdc#followRequests()})
	 */
	public RequestIdWebFilter(String headerName, AccessLog accessLog, RequestTraces traces, boolean idFollowsRequest) {
		this.headerName = headerName;
		this.accessLog = accessLog;
		this.traces = traces;
		this.idFollowsRequest = idFollowsRequest;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String requestId = RequestIds.resolve(request.getHeaders().get(this.headerName));
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(this.headerName, requestId);
		long start = System.nanoTime();
		String traceId = this.traces.traceId(exchange);
		Mono<Void> handled = chain.filter(exchange)
			.doFinally((signal) -> this.accessLog.write(exchange, requestId, traceId, System.nanoTime() - start));
		return this.idFollowsRequest ? handled.contextWrite(Context.of(RequestMdc.CONTEXT_KEY, requestId)) : handled;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
