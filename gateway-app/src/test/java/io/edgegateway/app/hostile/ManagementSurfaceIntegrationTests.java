package io.edgegateway.app.hostile;

import java.util.stream.Stream;

import io.edgegateway.app.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.edgegateway.app.hostile.Requests.get;
import static io.edgegateway.app.hostile.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management surface: the public port serves none of the actuator (a signed-in
 * request for {@code /actuator/...} is proxied like any path, to the upstream), and the
 * management port serves only the read-only endpoints it exposes: no environment, no heap
 * dump, no shutdown, no route changes.
 */
class ManagementSurfaceIntegrationTests {

	private static HostileGateway hostile;

	@BeforeAll
	static void start() {
		hostile = HostileGateway.get();
	}

	static Stream<String> actuatorPaths() {
		return Stream.of("/actuator", "/actuator/env", "/actuator/health", "/actuator/gateway/routes",
				"/actuator/heapdump", "/actuator/prometheus", "/actuator/routefiles", "/actuator/sessions",
				"/actuator/routeexplain", "/actuator/shutdown");
	}

	@ParameterizedTest
	@MethodSource("actuatorPaths")
	void actuatorPathOnThePublicPortWithoutAUserThen401(String path) {
		RawHttp.Response response = hostile.raw().send(get(path));
		assertThat(response.status()).as(path).isEqualTo(401);
	}

	@ParameterizedTest
	@MethodSource("actuatorPaths")
	void actuatorPathOnThePublicPortWithAUserThenProxiedNeverTheActuator(String path) {
		RawHttp.Response response = hostile.raw()
			.send(get(path, "Authorization: Bearer " + hostile.bearerToken("carol")));
		assertThat(response.echo().path()).as(path).isEqualTo(path);
	}

	static Stream<String> unexposedEndpoints() {
		return Stream.of("GET /actuator/env", "GET /actuator/heapdump", "GET /actuator/threaddump",
				"GET /actuator/configprops", "GET /actuator/beans", "GET /actuator/loggers", "POST /actuator/shutdown",
				"POST /actuator/gateway/refresh", "POST /actuator/gateway/routes/injected",
				"DELETE /actuator/gateway/routes/relay");
	}

	@ParameterizedTest
	@MethodSource("unexposedEndpoints")
	void unexposedOrWritingEndpointOnTheManagementPortThenRefused(String endpoint) {
		String body = "{\"id\":\"injected\",\"uri\":\"http://evil.example\",\"predicates\":[\"Path=/**\"]}";
		RawHttp.Response response = hostile.management()
			.send(request(endpoint + " HTTP/1.1", "Content-Type: application/json", "Content-Length: " + body.length())
					+ body);
		assertThat(response.status()).as(endpoint).isIn(404, 405);
		RawHttp.Response routes = hostile.management().send(get("/actuator/gateway/routes"));
		assertThat(routes.status()).isEqualTo(200);
		assertThat(routes.body()).doesNotContain("evil.example").contains("\"route_id\":\"relay\"");
	}

	@Test
	void managementPortThenHealthIsServedAndNothingIsProxied() {
		assertThat(hostile.management().send(get("/actuator/health")).status()).isEqualTo(200);
		int before = hostile.upstream().received();
		RawHttp.Response proxied = hostile.management()
			.send(get("/api/x", "Authorization: Bearer " + hostile.bearerToken("carol")));
		assertThat(proxied.status()).isEqualTo(404);
		assertThat(hostile.upstream().received()).isEqualTo(before);
	}

}
