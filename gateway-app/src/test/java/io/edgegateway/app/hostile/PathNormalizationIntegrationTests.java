package io.edgegateway.app.hostile;

import java.util.stream.Stream;

import io.edgegateway.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.edgegateway.app.hostile.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths written to look like a public path (a probe, a public route) to one component and
 * a protected route to another: dot segments, encoded dots, slashes and backslashes, path
 * parameters, doubled slashes and case. Without a user, none of them reaches the
 * upstream.
 */
class PathNormalizationIntegrationTests {

	static Stream<String> disguisedPaths() {
		return Stream.of("/readyz/../api/secret", "/readyz/%2e%2e/api/secret", "/readyz/%2E%2E/api/secret",
				"/readyz/.%2e/api/secret", "/readyz%2f..%2fapi/secret", "/readyz%2F..%2Fapi%2Fsecret",
				"/readyz/..%5capi/secret", "/readyz/..\\api/secret", "/readyz;/../api/secret",
				"/readyz;jsessionid=x/../api/secret", "/auth/login/../../api/secret", "/livez/..;/api/secret",
				"//api/secret", "/./api/secret", "/api/./secret", "/%61pi/secret", "/READYZ", "/Readyz/../api/secret",
				"/readyz%00/../api/secret", "/readyz/%252e%252e/api/secret", "/favicon.ico/../api/secret",
				"/status/../api/secret", "/status/%2e%2e/api/secret", "/status/.%2E/api/secret",
				"/status%2f..%2fapi/secret", "/status/..%5capi/secret", "/status/..\\api/secret",
				"/status;/../api/secret", "/status/..;/api/secret", "/status/x/../../api/secret",
				"/status%00/../api/secret", "/STATUS/../api/secret");
	}

	@ParameterizedTest
	@MethodSource("disguisedPaths")
	void disguisedPathWithoutAUserThenNeverReachesTheUpstream(String path) {
		HostileGateway hostile = HostileGateway.get();
		int before = hostile.upstream().received();
		RawHttp.Response response = hostile.raw().send(get(path));
		assertThat(response.status()).as(path).isIn(400, 401, 404);
		assertThat(hostile.upstream().received()).as(path).isEqualTo(before);
	}

	@Test
	void publicRouteThenServedWithoutAUser() {
		HostileGateway hostile = HostileGateway.get();
		RawHttp.Response response = hostile.raw().send(get("/status/health", "X-User-Id: mallory"));
		assertThat(response.echo().path()).isEqualTo("/status/health");
		assertThat(response.echo().headers()).doesNotContainKey("x-user-id");
	}

	@Test
	void publicProbePathsThenServedByTheGatewayItself() {
		HostileGateway hostile = HostileGateway.get();
		int before = hostile.upstream().received();
		assertThat(hostile.raw().send(get("/readyz")).status()).isEqualTo(200);
		assertThat(hostile.raw().send(get("/livez")).status()).isEqualTo(200);
		assertThat(hostile.upstream().received()).isEqualTo(before);
	}

}
