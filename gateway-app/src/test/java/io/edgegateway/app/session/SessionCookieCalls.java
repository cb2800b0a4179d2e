package io.edgegateway.app.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs users in, and calls a gateway's proxied path with nothing but a session cookie,
 * as another browser holding that cookie would: what the upstream learns of the user, and
 * how long until a replica refuses the cookie.
 */
final class SessionCookieCalls {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String path;

	/**
	 * Calls to one proxied path.
	 * @param path the path, served by the echo upstream
	 */
	SessionCookieCalls(String path) {
		this.path = path;
	}

	/**
	 * Sign a user in with a browser of its own, at the demo provider.
	 * @param gateway the gateway
	 * @param user a demo user ({@code alice}, ...) or a load user ({@code load-<n>})
	 * @return the signed-in browser, holding the session cookie
	 */
	static TestBrowser signIn(GatewayInstance gateway, String user) {
		TestBrowser browser = new TestBrowser();
		String password = user.startsWith("load-") ? "load-password" : user + "-password";
		assertThat(browser.signIn(gateway.url() + "/", user, password).statusCode()).isEqualTo(200);
		return browser;
	}

	HttpResponse<String> get(GatewayInstance gateway, String session) {
		return send(HttpRequest.newBuilder(URI.create(gateway.url() + this.path))
			.header("Cookie", "EDGE_SESSION=" + session)
			.header("Accept", "application/json")
			.build());
	}

	int status(GatewayInstance gateway, String session) {
		return get(gateway, session).statusCode();
	}

	/**
	 * The user the upstream was told of.
	 */
	String userAt(GatewayInstance gateway, String session) {
		HttpResponse<String> response = get(gateway, session);
		assertThat(response.statusCode()).isEqualTo(200);
		return Echo.of(response).header("X-User-Id").get(0);
	}

	/**
	 * Milliseconds from {@code start} until the replica refuses the session's cookie.
	 */
	long millisUntilRefused(GatewayInstance gateway, long start, String session) {
		while (status(gateway, session) != 401) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
