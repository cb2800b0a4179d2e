package io.edgegateway.filters.request;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.edgegateway.filters.logging.EventLog;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The access log ({@value #LOGGER}): one event per request of the public port, written
 * when the exchange completes, with the request id, the trace id (when traced), the
 * client's address, the user, the route, the method, path and status, the response's size
 * and the duration. The probes ({@code /livez}, {@code /readyz}) and the management
 * endpoints (under their base path, {@code /actuator}, on the management port) are left
 * out: a kubelet and a metrics scraper ask every few seconds and no one reads those
 * lines. The fields are listed in {@code docs/observability.md}.
 */
public final class AccessLog {

	/**
	 * The logger access log events are written to.
	 */
	public static final String LOGGER = "io.edgegateway.access";

	/**
	 * Exchange attribute that holds the user the access log names (the signed-in user's
	 * subject), set by whatever resolved the user: the access log never resolves it
	 * itself, so that a request no filter asked about is not made to load a session.
	 */
	public static final String USER_ATTRIBUTE = AccessLog.class.getName() + ".user";

	private static final Set<String> PROBES = Set.of("/livez", "/readyz");

	private final EventLog log;

	private final String managementPath;

	/**
	 * Create the access log.
	 * @param structured whether Spring Boot's structured logging is on
	 * @param managementBasePath the management endpoints' base path, e.g.
	 * {@code /actuator}; at the root ({@code ""} or {@code /}) nothing tells their
	 * requests apart, and they are logged
	 */
	public AccessLog(boolean structured, String managementBasePath) {
		this.log = new EventLog(LOGGER, structured, EventLog.KEY_VALUES);
		this.managementPath = "/".equals(managementBasePath) ? "" : managementBasePath;
	}

	/**
	 * Write a completed request's event, unless it is a probe's.
	 * @param exchange the exchange
	 * @param requestId its request id
	 * @param traceId its trace id, if traced
	 * @param durationNanos how long it took
	 */
	void write(ServerWebExchange exchange, String requestId, @Nullable String traceId, long durationNanos) {
		if (!this.log.isEnabled()) {
			return;
		}
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		if (PROBES.contains(path) || isManagement(path)) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		long contentLength = exchange.getResponse().getHeaders().getContentLength();
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("request_id", requestId);
		fields.put("trace_id", traceId);
		fields.put("client_address", clientAddress(request));
		fields.put("user_id", exchange.getAttribute(USER_ATTRIBUTE));
		fields.put("route_id", (route != null) ? route.getId() : null);
		fields.put("method", request.getMethod().name());
		fields.put("path", path);
		fields.put("status", (status != null) ? status.value() : null);
		fields.put("bytes", (contentLength >= 0) ? contentLength : null);
		fields.put("duration_ms", durationNanos / 1_000_000);
		this.log.write(request.getMethod().name() + " " + path + " " + fields.get("status"), fields);
	}

	private boolean isManagement(String path) {
		return !this.managementPath.isEmpty() && path.startsWith(this.managementPath)
				&& (path.length() == this.managementPath.length() || path.charAt(this.managementPath.length()) == '/');
	}

	private static @Nullable String clientAddress(ServerHttpRequest request) {
		InetSocketAddress address = request.getRemoteAddress();
		return (address != null) ? address.getAddress().getHostAddress() : null;
	}

}
