package io.edgegateway.app.provider;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway started while its identity provider is down starts, says it is not ready, and
 * becomes ready, without a restart, when the provider answers: during a provider outage
 * restarting pods wait instead of crash-looping.
 */
class ProviderOutageAtStartIntegrationTests {

	private final TestBrowser browser = new TestBrowser();

	@Test
	void providerDownAtStartThenNotReadyThenReadyAndSignInWorksWhenItAnswers() throws InterruptedException {
		int port = GatewayInstance.freePort();
		String issuer = "http://127.0.0.1:" + port;
		try (GatewayInstance gateway = GatewayInstance.start(issuer, TestServers.upstream().uri().toString(),
				Map.of())) {
			HttpResponse<String> ready = this.browser.get(gateway.url() + "/readyz");
			assertThat(ready.statusCode()).isEqualTo(503);
			assertThat(ready.body()).contains("OUT_OF_SERVICE").doesNotContain(issuer);
			HttpResponse<String> health = this.browser.get(gateway.managementUrl() + "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"identityProvider\"")
				.contains("OUT_OF_SERVICE")
				.contains(issuer)
				.contains("\"error\"");
			HttpResponse<String> signIn = this.browser.get(gateway.url() + "/oauth2/authorization/idp", "Accept",
					"application/json");
			assertThat(signIn.statusCode()).isEqualTo(503);
			assertThat(signIn.headers().firstValue("Retry-After")).isPresent();
			assertThat(signIn.body()).contains("\"error\":\"idp_metadata_unavailable\"").contains("idp");

			try (DemoIdentityProvider idp = DemoIdentityProvider.builder().port(port).start()) {
				assertThat(awaitReady(gateway, Duration.ofSeconds(60))).isEqualTo(200);
				assertThat(this.browser.get(gateway.managementUrl() + "/actuator/health").body())
					.contains("\"metadata\":\"read\"")
					.doesNotContain("\"error\"");
				HttpResponse<String> page = this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(page.body()).contains("alice");
			}
		}
	}

	private int awaitReady(GatewayInstance gateway, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		int status = this.browser.get(gateway.url() + "/readyz").statusCode();
		while (status != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			status = this.browser.get(gateway.url() + "/readyz").statusCode();
		}
		return status;
	}

}
