package io.edgegateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the tests: headless Chromium driven by ChromeDriver, with a profile
 * of its own, and the sign-in through the identity provider's login page as a user does
 * it.
 */
public final class Chromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private Chromium() {
	}

	/**
	 * Start a browser; the caller quits it.
	 * @return the browser
	 */
	public static WebDriver start() {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("Chromium and ChromeDriver are needed (apt-get install chromium chromium-driver; .ci/run does)")
			.isTrue();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().scriptTimeout(WAIT);
		return browser;
	}

	/**
	 * Open a page of the gateway, be sent to the identity provider's login page, sign in
	 * there, and wait to be back on the page.
	 * @param browser the browser
	 * @param page the gateway's page
	 * @param identityProvider the identity provider's issuer, where the login page must
	 * be
	 * @param username the user
	 * @param password the password
	 */
	public static void signIn(WebDriver browser, String page, String identityProvider, String username,
			String password) {
		browser.get(page);
		WebDriverWait wait = new WebDriverWait(browser, WAIT);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		assertThat(browser.getCurrentUrl()).startsWith(identityProvider);
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(page));
	}

	/**
	 * Wait until a condition holds in the browser.
	 * @param browser the browser
	 * @param condition the condition
	 */
	public static void await(WebDriver browser, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, WAIT).until(condition::apply);
	}

	private static Path profile() {
		try {
			return Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
