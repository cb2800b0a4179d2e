package io.edgegateway.filters.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each audit event as one JSON line to the logger {@code io.edgegateway.audit}, so
 * the logging system ships it wherever the platform collects logs. Fields are documented
 * in {@code docs/credentials.md}.
 */
public final class LoggingAuditEventWriter implements AuditEventWriter {

	/**
	 * The logger audit events are written to.
	 */
	public static final String LOGGER = "io.edgegateway.audit";

	private static final Log logger = LogFactory.getLog(LOGGER);

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void write(AuditEvent event) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("time", event.time().toString());
		fields.put("request_id", event.requestId());
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
		logger.info(this.json.writeValueAsString(fields));
	}

}
