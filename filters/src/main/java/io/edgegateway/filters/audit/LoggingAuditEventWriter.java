package io.edgegateway.filters.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.logging.EventLog;
import org.jspecify.annotations.Nullable;

/**
 * Writes each audit event to the logger {@code io.edgegateway.audit}, so the logging
 * system ships it wherever the platform collects logs: one JSON line, or, with Spring
 * Boot's structured logging on, the event's fields as the log record's own
 * ({@link EventLog}). Fields are documented in {@code docs/observability.md}.
 */
public final class LoggingAuditEventWriter implements AuditEventWriter {

	/**
	 * The logger audit events are written to.
	 */
	public static final String LOGGER = "io.edgegateway.audit";

	private final EventLog log;

	/**
	 * Create the writer.
	 * @param structured whether Spring Boot's structured logging is on
	 */
	public LoggingAuditEventWriter(boolean structured) {
		this.log = new EventLog(LOGGER, structured, EventLog.JSON);
	}

	@Override
	public void write(AuditEvent event) {
		if (!this.log.isEnabled()) {
			return;
		}
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("time", event.time().toString());
		fields.put("request_id", event.requestId());
		fields.put("trace_id", event.traceId());
		fields.put("route_id", event.routeId());
		fields.put("user_id", event.userId());
		fields.put("tenant", event.tenant());
		fields.put("issuer", event.issuer());
		fields.put("credential_mode", event.credentialMode());
		fields.put("registration", event.registration());
		fields.put("audience", event.audience());
		fields.put("token_fingerprint", event.tokenFingerprint());
		fields.put("upstream_status", event.upstreamStatus());
		fields.put("latency_ms", event.latencyMs());
		fields.put("outcome", event.outcome().value());
		fields.put("error", event.error());
		this.log.write("audit " + event.routeId() + " " + event.outcome().value(), fields);
	}

}
