package io.edgegateway.app.websocket;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code Origin} may open a WebSocket with the session cookie: the request's own
 * origin and the configured ones, compared as browsers send them.
 */
class AllowedOriginsTests {

	private static final AllowedOrigins ORIGINS = new AllowedOrigins(
			List.of("https://app.example.com", "http://localhost:3000"));

	static Stream<Arguments> origins() {
		return Stream.of(Arguments.of("https://gateway.example.com", true),
				Arguments.of("https://gateway.example.com:443", true),
				Arguments.of("HTTPS://Gateway.Example.COM", true), Arguments.of("http://gateway.example.com", false),
				Arguments.of("https://gateway.example.com:8443", false),
				Arguments.of("https://gateway.example.com.evil.example", false),
				Arguments.of("https://app.example.com", true), Arguments.of("https://app.example.com:443", true),
				Arguments.of("http://localhost:3000", true), Arguments.of("http://localhost:3001", false),
				Arguments.of("https://evil.example", false), Arguments.of("null", false), Arguments.of("", false),
				Arguments.of("not a uri", false));
	}

	@ParameterizedTest(name = "{0} allowed: {1}")
	@MethodSource("origins")
	void allowsWhenOriginIsTheRequestsOwnOrConfiguredThenTrue(String origin, boolean allowed) {
		assertThat(ORIGINS.allows(origin, URI.create("https://gateway.example.com/ws/chat"))).isEqualTo(allowed);
	}

}
