package io.edgegateway.app.demo;

import java.util.Locale;
import java.util.Map;

import io.edgegateway.app.support.Chromium;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path in a real browser: headless Chromium opens the gateway, is sent to
 * the demo login page, signs in as alice and sees the demo page list the identity headers
 * the upstream received. Sessions in memory, as in the demo without Redis.
 */
class DemoBrowserIntegrationTests {

	private GatewayInstance gateway;

	private WebDriver browser;

	@BeforeEach
	void start() {
		this.gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of());
		this.browser = Chromium.start();
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.gateway != null) {
			this.gateway.close();
		}
	}

	@Test
	void newcomerSignsInAsAliceAndSeesWhatTheUpstreamReceived() {
		Chromium.signIn(this.browser, this.gateway.url() + "/", TestServers.idp().issuer(), "alice", "alice-password");
		Chromium.await(this.browser, (driver) -> bodyText(driver).contains("x-user-id"));
		String page = bodyText(this.browser);
		assertThat(page).contains("what the upstream received")
			.containsPattern("x-user-id\\s+alice")
			.containsPattern("x-user-email\\s+alice@example.com")
			.containsPattern("x-tenant-id\\s+t1")
			.contains("engineering");
	}

	private static String bodyText(WebDriver driver) {
		return driver.findElement(By.tagName("body")).getText().toLowerCase(Locale.ROOT);
	}

}
