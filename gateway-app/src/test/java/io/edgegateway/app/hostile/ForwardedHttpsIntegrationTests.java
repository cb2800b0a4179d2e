package io.edgegateway.app.hostile;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.RawHttp;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.edgegateway.app.hostile.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway behind a TLS-terminating ingress it trusts
 * ({@code edge.security.trusted-proxies}), served as {@code https://gateway.test}: the
 * session cookie carries the {@code __Host-} prefix, a whole sign-in works with it, the
 * upstream learns the client's address from the right end of the forwarded chain, and a
 * forwarded host outside the allowed hosts is refused.
 */
class ForwardedHttpsIntegrationTests {

	private static final String PUBLIC = "https://gateway.test";

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	@BeforeAll
	static void start() {
		idp = DemoIdentityProvider.builder()
			.port(0)
			.redirectUris(List.of(PUBLIC + "/login/oauth2/code/idp"))
			.postLogoutRedirectUris(List.of(PUBLIC + "/"))
			.start();
		gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of("edge.security.trusted-proxies", "127.0.0.1", "edge.security.allowed-hosts",
						"127.0.0.1, gateway.test"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
		idp.close();
	}

	@Test
	void servedOverHttpsThenTheSessionCookieIsHostPrefixedAndASignInWorksWithIt() {
		RawHttp.Response start = send("GET /orders/7 HTTP/1.1", null, "Accept: text/html", "Sec-Fetch-Mode: navigate");
		assertThat(start.status()).isEqualTo(302);
		assertThat(onTheGateway(start)).isEqualTo(PUBLIC + "/oauth2/authorization/idp");
		String cookie = sessionCookie(start);
		assertThat(cookie).startsWith("__Host-EDGE_SESSION=")
			.contains("; Path=/")
			.contains("; Secure")
			.containsIgnoringCase("; HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContainIgnoringCase("Domain");
		String beforeSignIn = value(cookie);

		RawHttp.Response authorize = send("GET /oauth2/authorization/idp HTTP/1.1", beforeSignIn);
		URI callback = signInAtTheProvider(URI.create(authorize.header("Location")));
		assertThat(callback.toString()).startsWith(PUBLIC + "/login/oauth2/code/idp?");

		RawHttp.Response landed = send("GET " + callback.getRawPath() + "?" + callback.getRawQuery() + " HTTP/1.1",
				beforeSignIn);
		assertThat(onTheGateway(landed)).isEqualTo(PUBLIC + "/orders/7");
		String signedIn = value(sessionCookie(landed));
		assertThat(signedIn).isNotEqualTo(beforeSignIn);

		Echo echo = send("GET /orders/7 HTTP/1.1", signedIn, "X-Forwarded-For: 10.9.9.9, 203.0.113.7").echo();
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
		assertThat(echo.header("Cookie")).isEmpty();
		assertThat(echo.header("X-Forwarded-For")).containsExactly("203.0.113.7");
		assertThat(echo.header("X-Forwarded-Proto")).containsExactly("https");
		assertThat(echo.header("X-Forwarded-Host")).containsExactly("gateway.test");
	}

	@Test
	void forwardedChainThenTheClientIsTheRightMostAddressNotATrustedProxy() {
		String bearer = bearerToken();
		assertThat(forwardedFor(bearer, "X-Forwarded-For: 198.51.100.9, 203.0.113.7, 127.0.0.1"))
			.containsExactly("203.0.113.7");
		assertThat(forwardedFor(bearer, "Forwarded: for=198.51.100.9, for=\"[2001:db8::7]:4711\""))
			.containsExactly("2001:db8:0:0:0:0:0:7");
		assertThat(forwardedFor(bearer, "X-Forwarded-For: unknown, 203.0.113.7")).containsExactly("203.0.113.7");
		assertThat(forwardedFor(bearer, "X-Forwarded-For: 203.0.113.7, evil.example")).containsExactly("127.0.0.1");
	}

	@Test
	void forwardedHostOutsideTheAllowedHostsThen400() {
		RawHttp.Response response = new RawHttp(gateway.port())
			.send(request(gateway.port(), "GET /oauth2/authorization/idp HTTP/1.1", "X-Forwarded-Proto: https",
					"X-Forwarded-Host: evil.example"));
		assertThat(response.status()).isEqualTo(400);
	}

	private static List<String> forwardedFor(String bearer, String forwarded) {
		return new RawHttp(gateway.port())
			.send(request(gateway.port(), "GET /api/forwarded HTTP/1.1", "Authorization: Bearer " + bearer, forwarded))
			.echo()
			.header("X-Forwarded-For");
	}

	/**
	 * A request as the ingress forwards it: its own address is the peer, and it says the
	 * client used {@code https://gateway.test}.
	 */
	private static RawHttp.Response send(String requestLine, @Nullable String session, String... headers) {
		List<String> all = new ArrayList<>(List.of("X-Forwarded-Proto: https", "X-Forwarded-Host: gateway.test"));
		if (session != null) {
			all.add("Cookie: __Host-EDGE_SESSION=" + session);
		}
		all.addAll(List.of(headers));
		return new RawHttp(gateway.port()).send(request(gateway.port(), requestLine, all.toArray(String[]::new)));
	}

	/**
	 * The browser's visit to the identity provider: its login form, then its redirects,
	 * until it sends the browser back to the gateway.
	 */
	private static URI signInAtTheProvider(URI authorize) {
		TestBrowser browser = new TestBrowser();
		HttpResponse<String> response = browser.submitLoginForm(browser.follow(browser.navigate(authorize.toString())),
				"alice", "alice-password");
		URI next = TestBrowser.location(response);
		while (next.toString().startsWith(idp.issuer())) {
			next = TestBrowser.location(browser.navigate(next.toString()));
		}
		return next;
	}

	/**
	 * Where a redirect sends the browser, as the browser resolves it against the page it
	 * asked for ({@code https://gateway.test/...}).
	 */
	private static String onTheGateway(RawHttp.Response redirect) {
		return URI.create(PUBLIC + "/").resolve(redirect.header("Location")).toString();
	}

	private static String sessionCookie(RawHttp.Response response) {
		return response.headers()
			.getOrDefault("set-cookie", List.of())
			.stream()
			.filter((cookie) -> cookie.startsWith("__Host-EDGE_SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.headers()));
	}

	private static String value(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

	private static String bearerToken() {
		Instant now = Instant.now();
		return idp.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), now, now.plusSeconds(300));
	}

}
