package io.edgegateway.app.credential;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.filters.support.TestClock;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity provider that keeps failing opens the registration's circuit: requests then
 * fail fast with {@code 503} without calling it, until it has had time to recover and a
 * probe succeeds.
 */
class IdpCircuitBreakerIntegrationTests {

	@TempDir
	Path keys;

	@Test
	void providerKeepsFailingThenCircuitOpensFailsFastAndClosesWhenItIsBack() {
		TestClock clock = TestClock.ticking();
		try (CredentialsFixture fixture = CredentialsFixture.start(this.keys);
				GatewayInstance gateway = fixture.startGateway(Map.of("edge.token-cache.enabled", false,
						"edge.credentials.circuit-breaker.minimum-number-of-calls", 4,
						"edge.credentials.circuit-breaker.sliding-window-size", 4,
						"edge.credentials.circuit-breaker.wait-in-open-state", "2s",
						"edge.credentials.circuit-breaker.permitted-calls-in-half-open-state", 1), clock)) {
			DemoIdentityProvider idp = fixture.idp();
			TestBrowser browser = new TestBrowser();
			browser.signIn(gateway.url() + "/", "alice", "alice-password");
			idp.tokenEndpointFailure(502);
			for (int i = 0; i < 4; i++) {
				assertThat(call(browser, gateway).body()).contains("\"error\":\"invalid_token_response\"");
			}
			int callsWhenOpened = idp.tokenRequests();
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> fast = call(browser, gateway);
				assertThat(fast.statusCode()).isEqualTo(503);
				assertThat(fast.headers().firstValue("Retry-After")).hasValue("5");
				assertThat(fast.body()).contains("\"error\":\"idp_circuit_open\"");
			}
			assertThat(idp.tokenRequests()).isEqualTo(callsWhenOpened);

			idp.tokenEndpointFailure(0);
			clock.advance(Duration.ofMillis(2_100));
			assertThat(call(browser, gateway).statusCode()).isEqualTo(200);
			assertThat(call(browser, gateway).statusCode()).isEqualTo(200);
		}
	}

	private static HttpResponse<String> call(TestBrowser browser, GatewayInstance gateway) {
		return browser.get(gateway.url() + "/reports-post/q1", "Accept", "application/json");
	}

}
