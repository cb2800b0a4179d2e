package io.edgegateway.filters.logging;

import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;

/**
 * One logger's events, each a set of named fields. With Spring Boot's structured logging
 * on ({@code logging.structured.format.console} or {@code .file}: {@code ecs},
 * {@code logstash}, {@code gelf}) the fields are the log record's own key-value pairs,
 * which the structured formats write as JSON members beside {@code message}; a field
 * without a value is left out. With it off, the event is one line, as the caller renders
 * the fields ({@link #JSON} for audit events, {@link #KEY_VALUES} for the access log).
 * Which one is decided once, at startup.
 */
public final class EventLog {

	/**
	 * The fields as one JSON object.
	 */
	public static final Function<Map<String, ?>, String> JSON = new Function<>() {

		private final JsonMapper json = JsonMapper.builder().build();

		@Override
		public String apply(Map<String, ?> fields) {
			return this.json.writeValueAsString(fields);
		}

	};

	/**
	 * The fields that have a value as {@code name=value} pairs, separated by spaces.
	 */
	public static final Function<Map<String, ?>, String> KEY_VALUES = (fields) -> {
		StringBuilder line = new StringBuilder();
		fields.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(name).append('=').append(value);
		});
		return line.toString();
	};

	private final Logger logger;

	private final boolean structured;

	private final Function<Map<String, ?>, String> plain;

	/**
	 * Create the log of one logger.
	 * @param loggerName the logger
	 * @param structured whether Spring Boot's structured logging is on
	 * ({@link #isStructured(Environment)})
	 * @param plain how an event is written as one line when it is not
	 */
	public EventLog(String loggerName, boolean structured, Function<Map<String, ?>, String> plain) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.structured = structured;
		this.plain = plain;
	}

	/**
	 * Whether Spring Boot's structured logging is on, for the console or a file.
	 * @param environment the environment
	 * @return whether a structured format is set
	 */
	public static boolean isStructured(Environment environment) {
		return environment.containsProperty("logging.structured.format.console")
				|| environment.containsProperty("logging.structured.format.file");
	}

	/**
	 * Whether events are written at all (the logger's level is {@code INFO} or finer):
	 * callers gather no fields otherwise.
	 * @return whether {@link #write(String, Map)} writes
	 */
	public boolean isEnabled() {
		return this.logger.isInfoEnabled();
	}

	/**
	 * Write an event at {@code INFO}.
	 * @param message the record's message when structured, e.g. {@code "GET /orders 200"}
	 * @param fields the event's fields, in order
	 */
	public void write(String message, Map<String, ?> fields) {
		if (!this.structured) {
			this.logger.info(this.plain.apply(fields));
			return;
		}
		LoggingEventBuilder event = this.logger.atInfo().setMessage(message);
		fields.forEach((name, value) -> {
			// a field the MDC carries already (the request id, when it follows requests)
			// is written once: a structured format refuses a name twice
			if (value != null && MDC.get(name) == null) {
				event.addKeyValue(name, value);
			}
		});
		event.log();
	}

}
