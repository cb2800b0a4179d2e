package io.edgegateway.filters.edge;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionOptionsWebFilterTests {

	static Stream<Arguments> connectionHeaders() {
		return Stream.of(Arguments.of(List.of("keep-alive"), List.of("keep-alive")),
				Arguments.of(List.of("close"), List.of("close")), Arguments.of(List.of("Upgrade"), List.of("Upgrade")),
				Arguments.of(List.of("keep-alive, X-User-Id, Authorization"), List.of("keep-alive")),
				Arguments.of(List.of("X-User-Id", "close, X-Request-Id"), List.of("close")),
				Arguments.of(List.of("X-User-Id"), List.of()), Arguments.of(List.of(), List.of()));
	}

	@ParameterizedTest
	@MethodSource("connectionHeaders")
	void filterWhenConnectionHeaderThenOnlyConnectionOptionsReachTheChain(List<String> inbound, List<String> kept) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/").header("X-User-Id", "mallory");
		inbound.forEach((value) -> request.header(HttpHeaders.CONNECTION, value));
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		new ConnectionOptionsWebFilter().filter(MockServerWebExchange.from(request), (exchange) -> {
			seen.set(exchange);
			return Mono.empty();
		}).block();
		HttpHeaders headers = seen.get().getRequest().getHeaders();
		assertThat(String.join(", ", headers.getOrEmpty(HttpHeaders.CONNECTION))).isEqualTo(String.join(", ", kept));
		assertThat(headers.getFirst("X-User-Id")).isEqualTo("mallory");
	}

}
