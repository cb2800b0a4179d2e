package io.edgegateway.filters.audit;

/**
 * Where audit events go.
 */
@FunctionalInterface
public interface AuditEventWriter {

	/**
	 * Record an event. Must not block and must not fail the request.
	 * @param event the event
	 */
	void write(AuditEvent event);

}
