package io.edgegateway.filters.tracing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request's own span, the one Spring WebFlux observes the request with
 * ({@code http.server.requests}): its trace id, for the access log, the audit event and
 * error bodies, and the gateway's tags on it. Off ({@link #off()}), there is no trace id
 * and nothing is tagged, after one field read.
 */
public final class RequestTraces {

	private static final RequestTraces OFF = new RequestTraces(false);

	private final boolean enabled;

	private RequestTraces(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The traces of a gateway whose requests are traced.
	 * @return the traces
	 */
	public static RequestTraces on() {
		return new RequestTraces(true);
	}

	/**
	 * The traces of a gateway whose requests are not traced.
	 * @return traces that have no trace id and tag nothing
	 */
	public static RequestTraces off() {
		return OFF;
	}

	/**
	 * Whether requests are traced: callers build no tags otherwise.
	 * @return whether requests are traced
	 */
	public boolean isOn() {
		return this.enabled;
	}

	/**
	 * The trace id of a request.
	 * @param exchange the exchange
	 * @return the trace id (32 hex digits), or {@code null} when the request is not
	 * traced
	 */
	public @Nullable String traceId(ServerWebExchange exchange) {
		if (!this.enabled) {
			return null;
		}
		Observation.Context context = serverContext(exchange);
		if (context == null) {
			return null;
		}
		TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		return (span != null && !span.isNoop()) ? span.context().traceId() : null;
	}

	/**
	 * Tag the request's span. The tags are high-cardinality ones: they go to the span,
	 * never to the {@code http.server.requests} metric.
	 * @param exchange the exchange
	 * @param tags the tags
	 */
	public void tag(ServerWebExchange exchange, KeyValues tags) {
		if (!this.enabled) {
			return;
		}
		Observation.Context context = serverContext(exchange);
		if (context != null) {
			context.addHighCardinalityKeyValues(tags);
		}
	}

	private static Observation.@Nullable Context serverContext(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
	}

}
