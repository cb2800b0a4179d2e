package io.edgegateway.routes.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.edgegateway.routes.file.RouteFileParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's CORS policy read from its metadata as the gateway binds it: from a route file
 * (YAML types, lists as indexed maps) and from configuration properties (every value a
 * string), and every malformed policy refused naming its key.
 */
class RouteCorsTests {

	@Test
	void readWhenRouteFileThenEveryKeyIsRead() {
		CorsConfiguration policy = readValid(new RouteFileParser().parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    metadata:
				      cors:
				        allowedOrigins: [ "https://app.example.com/", "http://127.0.0.1:5173" ]
				        allowedOriginPatterns: "https://*.example.org"
				        allowedMethods: GET, POST
				        allowedHeaders: [ Content-Type, X-XSRF-TOKEN ]
				        exposedHeaders: [ X-Request-Id ]
				        allowCredentials: true
				        maxAge: 600
				""").routes().get(0).getMetadata());
		assertThat(policy.getAllowedOrigins()).containsExactly("https://app.example.com", "http://127.0.0.1:5173");
		assertThat(policy.getAllowedOriginPatterns()).containsExactly("https://*.example.org");
		assertThat(policy.getAllowedMethods()).containsExactly("GET", "POST");
		assertThat(policy.getAllowedHeaders()).containsExactly("Content-Type", "X-XSRF-TOKEN");
		assertThat(policy.getExposedHeaders()).containsExactly("X-Request-Id");
		assertThat(policy.getAllowCredentials()).isTrue();
		assertThat(policy.getMaxAge()).isEqualTo(600L);
	}

	@Test
	void readWhenConfigurationPropertiesThenStringsAreReadAsTheirTypes() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("routes[0].id", "orders");
		properties.put("routes[0].uri", "http://orders.internal");
		for (int i = 0; i < 12; i++) {
			properties.put("routes[0].metadata.cors.allowedOrigins[" + i + "]", "http://127.0.0.1:" + (8000 + i));
		}
		properties.put("routes[0].metadata.cors.allowCredentials", "true");
		properties.put("routes[0].metadata.cors.maxAge", "600");
		RouteDefinition route = new Binder(new MapConfigurationPropertySource(properties))
			.bind("routes", Bindable.listOf(RouteDefinition.class))
			.get()
			.get(0);
		CorsConfiguration policy = readValid(route.getMetadata());
		assertThat(policy.getAllowedOrigins()).hasSize(12)
			.startsWith("http://127.0.0.1:8000")
			.endsWith("http://127.0.0.1:8011");
		assertThat(policy.getAllowCredentials()).isTrue();
		assertThat(policy.getMaxAge()).isEqualTo(600L);
		assertThat(policy.getAllowedMethods()).isNull();
	}

	@Test
	void readWhenNoPolicyThenNullWithoutProblems() {
		List<String> problems = new ArrayList<>();
		assertThat(RouteCors.read(Map.of("auth", "public"), problems)).isNull();
		assertThat(problems).isEmpty();
		assertThat(RouteCors.isDeclared(Map.of())).isFalse();
	}

	static Stream<Arguments> malformed() {
		return Stream.of(
				Arguments.of(Map.of("allowedOrigin", List.of("https://app.example.com")),
						List.of("metadata.cors.allowedOrigin: unknown; known: [allowedOrigins, allowedOriginPatterns, "
								+ "allowedMethods, allowedHeaders, exposedHeaders, allowCredentials, maxAge]",
								"metadata.cors: allowedOrigins (or allowedOriginPatterns) is required: without it no "
										+ "origin is allowed")),
				Arguments.of(Map.of("allowedOrigins", "*", "allowCredentials", true),
						List.of("metadata.cors: allowCredentials true with allowedOrigins '*' would let every site "
								+ "send the user's requests and read the answers; list the origins (browsers refuse "
								+ "credentials for '*')")),
				Arguments.of(Map.of("allowedOriginPatterns", List.of("*"), "allowCredentials", "true"),
						List.of("metadata.cors: allowCredentials true with allowedOriginPatterns '*' would let every "
								+ "site send the user's requests and read the answers; list the origins (browsers "
								+ "refuse credentials for '*')")),
				Arguments.of(Map.of("allowedOrigins", List.of("https://app.example.com/spa")),
						List.of("metadata.cors.allowedOrigins: 'https://app.example.com/spa' is not an origin "
								+ "(scheme://host[:port]) or '*'")),
				Arguments.of(Map.of("allowedOrigins", "https://app.example.com", "allowCredentials", "yes"),
						List.of("metadata.cors.allowCredentials: 'yes' is not true or false")),
				Arguments.of(Map.of("allowedOrigins", "https://app.example.com", "maxAge", "10m"),
						List.of("metadata.cors.maxAge: '10m' is not a number of seconds")),
				Arguments.of(Map.of("allowedOrigins", "https://app.example.com", "allowedMethods", "GET,,POST"),
						List.of("metadata.cors.allowedMethods: 'GET,,POST' has an empty value")),
				Arguments.of(Map.of("allowedOrigins", Map.of("app", "https://app.example.com")),
						List.of("metadata.cors.allowedOrigins: '{app=https://app.example.com}' is not a list of values",
								"metadata.cors: allowedOrigins (or allowedOriginPatterns) is required: without it no "
										+ "origin is allowed")));
	}

	@ParameterizedTest
	@MethodSource("malformed")
	void readWhenMalformedThenEveryProblemNamesTheKey(Map<String, Object> cors, List<String> expected) {
		List<String> problems = new ArrayList<>();
		assertThat(RouteCors.read(Map.of("cors", cors), problems)).isNull();
		assertThat(problems).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void readWhenNotAMapThenRefused() {
		List<String> problems = new ArrayList<>();
		assertThat(RouteCors.read(Map.of("cors", "https://app.example.com"), problems)).isNull();
		assertThat(problems).containsExactly("metadata.cors: 'https://app.example.com' is not a map of CORS settings; "
				+ "keys: [allowedOrigins, allowedOriginPatterns, allowedMethods, allowedHeaders, exposedHeaders, "
				+ "allowCredentials, maxAge]");
	}

	private static CorsConfiguration readValid(Map<String, Object> metadata) {
		List<String> problems = new ArrayList<>();
		CorsConfiguration policy = RouteCors.read(metadata, problems);
		assertThat(problems).isEmpty();
		assertThat(policy).isNotNull();
		return policy;
	}

}
