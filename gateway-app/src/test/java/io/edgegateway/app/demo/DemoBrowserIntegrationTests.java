package io.edgegateway.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path in a real browser: headless Chromium opens the gateway, is sent to
 * the demo login page, signs in as alice and sees the demo page list the identity headers
 * the upstream received. Sessions in memory, as in the demo without Redis.
 */
class DemoBrowserIntegrationTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private GatewayInstance gateway;

	private WebDriver browser;

	@BeforeEach
	void start() throws Exception {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("Chromium and ChromeDriver are needed (apt-get install chromium chromium-driver; .ci/run does)")
			.isTrue();
		this.gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
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
		this.browser.get(this.gateway.url() + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		assertThat(this.browser.getCurrentUrl()).startsWith(TestServers.idp().issuer());
		this.browser.findElement(By.name("username")).sendKeys("alice");
		this.browser.findElement(By.name("password")).sendKeys("alice-password");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(this.gateway.url() + "/"));
		wait.until((driver) -> bodyText(driver).contains("x-user-id"));
		String page = bodyText(this.browser);
		assertThat(page).contains("what the upstream received")
			.containsPattern("x-user-id\\s+alice")
			.containsPattern("x-user-email\\s+alice@example.com")
			.containsPattern("x-tenant-id\\s+t1")
			.contains("engineering");
	}

	private static String bodyText(WebDriver driver) {
		return driver.findElement(By.tagName("body")).getText().toLowerCase(java.util.Locale.ROOT);
	}

}
