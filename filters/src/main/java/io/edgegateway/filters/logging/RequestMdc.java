package io.edgegateway.filters.logging;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id and trace id in the logging MDC ({@code request_id}, {@code trace_id})
 * while the gateway's own code logs about a request, so every such line carries them as
 * fields when structured logging is on (and in {@code %X{request_id}} of a pattern). The
 * MDC is a thread's: reactive code runs a request on whichever thread is free, so the ids
 * are put in only around the code that logs, and taken out after. The alternative,
 * Reactor's automatic context propagation, restores the MDC on every operator of every
 * request, which costs each request far more than the few lines that log.
 */
public final class RequestMdc {

	/**
	 * The MDC key of the request id.
	 */
	public static final String REQUEST_ID = "request_id";

	/**
	 * The MDC key of the trace id.
	 */
	public static final String TRACE_ID = "trace_id";

	private RequestMdc() {
	}

	/**
	 * Run code that may log with the request's ids in the MDC.
	 * @param <T> the code's result
	 * @param requestId the request id, if assigned
	 * @param traceId the trace id, if traced
	 * @param code the code
	 * @return its result
	 */
	public static <T> T with(@Nullable String requestId, @Nullable String traceId, Supplier<T> code) {
		if (requestId == null) {
			return code.get();
		}
		MDC.put(REQUEST_ID, requestId);
		if (traceId != null) {
			MDC.put(TRACE_ID, traceId);
		}
		try {
			return code.get();
		}
		finally {
			MDC.remove(REQUEST_ID);
			MDC.remove(TRACE_ID);
		}
	}

}
