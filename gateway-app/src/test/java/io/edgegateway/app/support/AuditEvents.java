package io.edgegateway.app.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.edgegateway.filters.audit.LoggingAuditEventWriter;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit events a gateway in this JVM writes, from the logging system, as an
 * operator's log pipeline would.
 */
public final class AuditEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LogLines lines = new LogLines(LoggingAuditEventWriter.LOGGER);

	/**
	 * Start collecting.
	 */
	public void start() {
		this.lines.start();
	}

	/**
	 * Stop collecting.
	 */
	public void stop() {
		this.lines.stop();
	}

	/**
	 * The events of one route written since {@link #start()}, each parsed from its JSON
	 * line, once there are as many as expected (an event is written when the exchange
	 * completes, which can be just after the client has its response), or after 5
	 * seconds.
	 * @param routeId the route
	 * @param expected how many events to wait for
	 * @return the route's events
	 */
	public List<Map<String, Object>> forRoute(String routeId, int expected) {
		return await(() -> parse(routeId), expected);
	}

	private static List<Map<String, Object>> await(Supplier<List<Map<String, Object>>> read, int expected) {
		AtomicReference<List<Map<String, Object>>> events = new AtomicReference<>(read.get());
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> events.updateAndGet((previous) -> read.get()).size() >= expected);
		}
		catch (ConditionTimeoutException ex) {
			// fewer than expected: the caller's assertion says which are missing
		}
		return events.get();
	}

	/**
	 * The events of one type ({@code event}, e.g. {@code session_revoked}) about one user
	 * written since {@link #start()}, once there are as many as expected, or after 5
	 * seconds.
	 * @param type the event type
	 * @param userId the user
	 * @param expected how many events to wait for
	 * @return the events
	 */
	public List<Map<String, Object>> ofType(String type, String userId, int expected) {
		return ofType(type, "user_id", userId, expected);
	}

	/**
	 * The events of one type ({@code event}, e.g. {@code login_failed}) with a field's
	 * value (e.g. its {@code request_id}) written since {@link #start()}, once there are
	 * as many as expected, or after 5 seconds.
	 * @param type the event type
	 * @param field the field
	 * @param value its value
	 * @param expected how many events to wait for
	 * @return the events
	 */
	public List<Map<String, Object>> ofType(String type, String field, String value, int expected) {
		return await(() -> parse("event", type).stream().filter((event) -> value.equals(event.get(field))).toList(),
				expected);
	}

	private List<Map<String, Object>> parse(String routeId) {
		return parse("route_id", routeId);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> parse(String field, String value) {
		return this.lines.messages()
			.stream()
			.map((line) -> (Map<String, Object>) JSON.readValue(line, Map.class))
			.filter((event) -> value.equals(event.get(field)))
			.toList();
	}

}
