package io.edgegateway.filters.edge;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayCookiesHeadersFilterTests {

	private final GatewayCookiesHeadersFilter filter = new GatewayCookiesHeadersFilter(
			Set.of("EDGE_SESSION", "__Host-EDGE_SESSION", "XSRF-TOKEN"));

	static Stream<Arguments> cookies() {
		return Stream.of(Arguments.of(List.of("theme=dark; EDGE_SESSION=s; cart=1"), List.of("theme=dark; cart=1")),
				Arguments.of(List.of("__Host-EDGE_SESSION=s;XSRF-TOKEN=t"), List.of()),
				Arguments.of(List.of("EDGE_SESSION=s", "a=1", "XSRF-TOKEN=t"), List.of("a=1")),
				Arguments.of(List.of("edge_session=s; a=1"), List.of("a=1")),
				Arguments.of(List.of("EDGE_SESSIONX=s; a=1"), List.of("EDGE_SESSIONX=s; a=1")),
				Arguments.of(List.of("a=1; b=EDGE_SESSION"), List.of("a=1; b=EDGE_SESSION")));
	}

	@ParameterizedTest
	@MethodSource("cookies")
	void filterWhenCookieHeadersThenOnlyTheGatewaysCookiesAreRemoved(List<String> inbound, List<String> proxied) {
		HttpHeaders headers = new HttpHeaders();
		inbound.forEach((value) -> headers.add(HttpHeaders.COOKIE, value));
		headers.add("X-Other", "kept");
		HttpHeaders filtered = this.filter.filter(headers, MockServerWebExchange.from(MockServerHttpRequest.get("/")));
		assertThat(filtered.getOrEmpty(HttpHeaders.COOKIE)).isEqualTo(proxied);
		assertThat(filtered.getFirst("X-Other")).isEqualTo("kept");
	}

}
