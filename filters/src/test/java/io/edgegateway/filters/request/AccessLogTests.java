package io.edgegateway.filters.request;

import java.net.InetSocketAddress;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log's events, plain and structured, as the logging system receives them.
 */
class AccessLogTests {

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	@BeforeEach
	void collect() {
		this.events.start();
		((Logger) LoggerFactory.getLogger(AccessLog.LOGGER)).addAppender(this.events);
	}

	@AfterEach
	void stopCollecting() {
		((Logger) LoggerFactory.getLogger(AccessLog.LOGGER)).detachAppender(this.events);
	}

	@Test
	void writeWhenPlainThenOneLineOfTheFieldsThatHaveAValue() {
		new AccessLog(false, "/actuator").write(exchange("/orders/7?token=secret"), "r-1", null, 12_400_000);
		assertThat(this.events.list).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEqualTo("request_id=r-1 client_address=203.0.113.7 user_id=alice method=GET path=/orders/7 "
					+ "status=200 bytes=42 duration_ms=12");
	}

	@Test
	void writeWhenStructuredThenTheFieldsAreTheRecordsKeyValuePairsAndTheMessageASummary() {
		new AccessLog(true, "/actuator").write(exchange("/orders/7"), "r-1", "0af7651916cd43dd8448eb211c80319c",
				12_400_000);
		ILoggingEvent event = this.events.list.get(0);
		assertThat(event.getFormattedMessage()).isEqualTo("GET /orders/7 200");
		assertThat(event.getKeyValuePairs()).extracting((pair) -> pair.key)
			.containsExactly("request_id", "trace_id", "client_address", "user_id", "method", "path", "status", "bytes",
					"duration_ms");
		assertThat(event.getKeyValuePairs()).extracting((pair) -> Map.entry(pair.key, pair.value))
			.contains(Map.entry("trace_id", "0af7651916cd43dd8448eb211c80319c"), Map.entry("status", 200),
					Map.entry("bytes", 42L));
		assertThat(event.getKeyValuePairs()).extracting(KeyValuePair::toString)
			.noneMatch((pair) -> pair.contains("null"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/livez", "/readyz", "/actuator", "/actuator/health", "/actuator/prometheus" })
	void writeWhenAProbeOrAManagementEndpointThenNothing(String path) {
		new AccessLog(true, "/actuator").write(exchange(path), "r-1", null, 1);
		assertThat(this.events.list).isEmpty();
	}

	@Test
	void writeWhenAPathOnlyStartsLikeTheManagementBasePathThenLogged() {
		new AccessLog(true, "/actuator").write(exchange("/actuators"), "r-1", null, 1);
		assertThat(this.events.list).hasSize(1);
	}

	@Test
	void writeWhenTheManagementBasePathIsTheRootThenEverythingIsLogged() {
		new AccessLog(true, "/").write(exchange("/health"), "r-1", null, 1);
		assertThat(this.events.list).hasSize(1);
	}

	private static MockServerWebExchange exchange(String path) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress("203.0.113.7", 51000)));
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		exchange.getResponse().getHeaders().set(HttpHeaders.CONTENT_LENGTH, "42");
		exchange.getAttributes().put(AccessLog.USER_ATTRIBUTE, "alice");
		return exchange;
	}

}
