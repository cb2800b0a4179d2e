package io.edgegateway.app.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.app.support.Chromium;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.StaticServer;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS in a real browser: headless Chromium signs in on the gateway, then opens a page
 * served from another origin of the same site ({@code http://127.0.0.1:<another port>}),
 * whose script calls the gateway with {@code fetch(..., { credentials: 'include' })} and
 * a header that needs a preflight. The browser sends the session cookie
 * ({@code SameSite=Lax} lets it go to the same site), and lets the page read the answer
 * where the route's policy lists the page's origin; where it does not, the fetch rejects.
 */
class CorsBrowserIntegrationTests {

	private static final String FETCH = """
			const done = arguments[arguments.length - 1];
			fetch(arguments[0], { credentials: 'include',
					headers: { 'Accept': 'application/json', 'X-Requested-By': 'orders-app' } })
				.then((response) => response.text().then((body) => done(response.status + ' ' + body)))
				.catch((error) => done(error.name + ': ' + error.message));
			""";

	private static StaticServer page;

	private static GatewayInstance gateway;

	private static WebDriver browser;

	@BeforeAll
	static void start() {
		page = StaticServer.start("text/html; charset=utf-8",
				"<!doctype html><title>orders app</title><p>The orders app, on its own origin.</p>", Map.of());
		Map<String, Object> properties = new LinkedHashMap<>();
		route(properties, 0, "cors-route", page.origin());
		route(properties, 1, "other-cors-route", "https://other-app.example.com");
		String home = "spring.cloud.gateway.server.webflux.routes[2].";
		properties.put(home + "id", "home");
		properties.put(home + "uri", TestServers.upstream().uri());
		properties.put(home + "predicates[0]", "Path=/**");
		properties.put(home + "filters[0]", "TokenRelay");
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				properties);
		browser = Chromium.start();
		Chromium.signIn(browser, gateway.url() + "/", TestServers.idp().issuer(), "alice", "alice-password");
		browser.get(page.origin() + "/");
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		gateway.close();
		page.close();
	}

	@Test
	void pageOfAnAllowedOriginThenReadsTheAnswerMadeWithTheUsersSession() {
		String result = fetch("/cors-route/orders");
		assertThat(result).startsWith("200 ")
			.contains("\"x-user-id\":[\"alice\"]")
			.contains("\"origin\":[\"" + page.origin() + "\"]")
			.contains("\"x-requested-by\":[\"orders-app\"]");
	}

	@Test
	void pageOfAnOriginThePolicyDoesNotListThenTheFetchRejects() {
		int before = TestServers.upstream().received();
		assertThat(fetch("/other-cors-route/orders")).isEqualTo("TypeError: Failed to fetch");
		assertThat(TestServers.upstream().received()).isEqualTo(before);
	}

	private static String fetch(String path) {
		assertThat(browser.getCurrentUrl()).startsWith(page.origin());
		return (String) ((JavascriptExecutor) browser).executeAsyncScript(FETCH, gateway.url() + path);
	}

	private static void route(Map<String, Object> properties, int index, String id, String origin) {
		String prefix = "spring.cloud.gateway.server.webflux.routes[" + index + "].";
		properties.put(prefix + "id", id);
		properties.put(prefix + "uri", TestServers.upstream().uri());
		properties.put(prefix + "predicates[0]", "Path=/" + id + "/**");
		properties.put(prefix + "metadata.cors.allowedOrigins[0]", origin);
		properties.put(prefix + "metadata.cors.allowedHeaders[0]", "X-Requested-By");
		properties.put(prefix + "metadata.cors.allowCredentials", "true");
	}

}
