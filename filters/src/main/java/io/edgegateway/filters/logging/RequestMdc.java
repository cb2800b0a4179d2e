package io.edgegateway.filters.logging;

import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;

/**
 * The request id and trace id in the logging MDC ({@code request_id}, {@code trace_id}),
 * so log lines carry them as fields when structured logging is on (and in
 * {@code %X{request_id}} of a pattern). The MDC is a thread's, and reactive code runs a
 * request on whichever thread is free, so there are two ways:
 * <ul>
 * <li>{@link #with}: the ids put in only around the gateway's own code that logs about a
 * request (its error answers), and taken out after; free for every other request;</li>
 * <li>{@link #followRequests()}: the request id carried in each request's Reactor context
 * and restored into the MDC of whichever thread works on the request (Reactor's automatic
 * context propagation), so every line logged during the request carries it, Spring's and
 * Reactor Netty's too; this costs every request ({@code edge.logging.mdc.enabled}).</li>
 * </ul>
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

	/**
	 * The key of the request id in a request's Reactor context, when it follows requests.
	 */
	public static final String CONTEXT_KEY = "edge.request_id";

	private RequestMdc() {
	}

	/**
	 * Let the request id follow each request into the MDC: restored from the request's
	 * Reactor context ({@link #CONTEXT_KEY}, which {@code RequestIdWebFilter} writes) on
	 * every thread that works on it, removed after. For the whole JVM: Reactor's hook is
	 * global.
	 */
	public static void followRequests() {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(CONTEXT_KEY, () -> MDC.get(REQUEST_ID), (id) -> MDC.put(REQUEST_ID, id),
					() -> MDC.remove(REQUEST_ID));
		Hooks.enableAutomaticContextPropagation();
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
		String previousRequestId = MDC.get(REQUEST_ID);
		String previousTraceId = MDC.get(TRACE_ID);
		MDC.put(REQUEST_ID, requestId);
		if (traceId != null) {
			MDC.put(TRACE_ID, traceId);
		}
		try {
			return code.get();
		}
		finally {
			restore(REQUEST_ID, previousRequestId);
			restore(TRACE_ID, previousTraceId);
		}
	}

	/**
	 * Put back what the MDC held before: the id that follows the request
	 * ({@link #followRequests()}) stays for the rest of the request's lines.
	 */
	private static void restore(String key, @Nullable String previous) {
		if (previous != null) {
			MDC.put(key, previous);
		}
		else {
			MDC.remove(key);
		}
	}

}
