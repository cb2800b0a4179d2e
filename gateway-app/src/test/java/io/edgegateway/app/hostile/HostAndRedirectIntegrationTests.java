package io.edgegateway.app.hostile;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.edgegateway.app.support.RawHttp;
import io.edgegateway.app.support.TestBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.edgegateway.app.hostile.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway builds absolute URLs (the login's {@code redirect_uri}, the logout's
 * {@code post_logout_redirect_uri}, the page to return to after sign-in): none of them
 * may be chosen by a client, through its {@code Host}, an absolute-form request target or
 * a redirect parameter.
 */
class HostAndRedirectIntegrationTests {

	private static HostileGateway hostile;

	@BeforeAll
	static void start() {
		hostile = HostileGateway.get();
	}

	@Test
	void foreignHostOnLoginThen400AndNoRedirectUriIsBuilt() {
		RawHttp.Response response = hostile.raw()
			.send("GET /oauth2/authorization/idp HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Location")).isNull();
		assertThat(response.body()).contains("evil.example").contains("edge.security.allowed-hosts");
	}

	@Test
	void foreignHostOnLogoutThen400AndNoPostLogoutRedirectIsBuilt() {
		TestBrowser alice = hostile.signedIn("alice");
		String session = alice.cookie("EDGE_SESSION").orElseThrow();
		String csrf = alice.cookie("XSRF-TOKEN").orElseThrow();
		RawHttp.Response response = hostile.raw()
			.send("POST /logout HTTP/1.1\r\nHost: evil.example\r\nCookie: EDGE_SESSION=" + session + "; XSRF-TOKEN="
					+ csrf + "\r\nX-XSRF-TOKEN: " + csrf + "\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Location")).isNull();
	}

	@Test
	void twoHostHeadersThen400() {
		RawHttp.Response response = hostile.raw()
			.send("GET /oauth2/authorization/idp HTTP/1.1\r\nHost: 127.0.0.1:" + hostile.gateway().port()
					+ "\r\nHost: evil.example\r\nAccept: text/html\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void absoluteFormTargetNamingAForeignHostThenTheRedirectUriIsStillTheGatewaysOwn() {
		RawHttp.Response response = hostile.raw()
			.send(request("GET http://evil.example/oauth2/authorization/idp HTTP/1.1", "Accept: text/html"));
		assertThat(response.status()).isEqualTo(302);
		assertThat(TestBrowser.query(URI.create(response.header("Location")))).containsEntry("redirect_uri",
				hostile.url() + "/login/oauth2/code/idp");
	}

	@Test
	void absoluteFormTargetWithAForeignHostHeaderThen400() {
		RawHttp.Response response = hostile.raw()
			.send("GET http://evil.example/oauth2/authorization/idp HTTP/1.1\r\nHost: evil.example\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
	}

	static Stream<String> openRedirectTargets() {
		return Stream.of("//evil.example/x", "///evil.example/x", "////evil.example", "https://evil.example/",
				"http:evil.example", "https:/evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example",
				"/%5Cevil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example", "/\t/evil.example", "/ /evil.example",
				"evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
				"data:text/html,<script>alert(1)</script>", "/%0d%0aLocation:%20https://evil.example",
				"/\r\nLocation: https://evil.example", "/@evil.example", "//127.0.0.1@evil.example",
				"/x/../../evil.example", "/%E2%80%AE//evil.example", "//%65vil.example");
	}

	@ParameterizedTest
	@MethodSource("openRedirectTargets")
	void loginRedirectParameterOffOriginThenRefusedOrLandingOnTheGateway(String target) {
		TestBrowser browser = new TestBrowser();
		HttpResponse<String> start = browser.get(
				hostile.url() + "/auth/login?redirect=" + URLEncoder.encode(target, StandardCharsets.UTF_8), "Accept",
				"text/html");
		if (start.statusCode() == 400) {
			assertThat(start.headers().firstValue("Location")).isEmpty();
			return;
		}
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(landingAfterSignIn(browser, TestBrowser.location(start))).as(target)
			.satisfies((landing) -> assertThat(isGateway(landing)).as(landing.toString()).isTrue());
	}

	static Stream<String> offOriginRequestTargets() {
		return Stream.of("//evil.example/x", "///evil.example/x", "/\\evil.example/x", "/%5Cevil.example",
				"/%2F%2Fevil.example", "//evil.example%2F..", "/.//evil.example");
	}

	@ParameterizedTest
	@MethodSource("offOriginRequestTargets")
	void navigationToAnOddTargetThenAfterSignInTheBrowserLandsOnTheGateway(String target) {
		RawHttp.Response start = hostile.raw()
			.send(request("GET " + target + " HTTP/1.1", "Accept: text/html", "Sec-Fetch-Mode: navigate"));
		if (start.status() != 302) {
			assertThat(start.status()).as(target).isIn(400, 404);
			return;
		}
		TestBrowser browser = new TestBrowser();
		String cookie = start.headers()
			.get("set-cookie")
			.stream()
			.filter((value) -> value.startsWith("EDGE_SESSION="))
			.findFirst()
			.orElseThrow();
		browser.setCookie(hostile.url(), "EDGE_SESSION",
				cookie.substring("EDGE_SESSION=".length(), cookie.indexOf(';')));
		URI landing = landingAfterSignIn(browser, URI.create(hostile.url()).resolve(start.header("Location")));
		assertThat(isGateway(landing)).as(target + " -> " + landing).isTrue();
	}

	/**
	 * Follows a sign-in through the identity provider as a browser does, without ever
	 * leaving the loopback servers: the URL the browser is finally sent to, or the first
	 * one that is not a loopback server.
	 */
	private static URI landingAfterSignIn(TestBrowser browser, URI first) {
		URI next = first;
		boolean signedIn = false;
		for (int hops = 0; hops < 20; hops++) {
			if (!"127.0.0.1".equals(next.getHost())) {
				return next;
			}
			HttpResponse<String> response = browser.navigate(next.toString());
			if (!TestBrowser.isRedirect(response)) {
				if (signedIn) {
					return response.uri();
				}
				response = browser.submitLoginForm(response, "alice", "alice-password");
				signedIn = true;
				if (!TestBrowser.isRedirect(response)) {
					return response.uri();
				}
			}
			next = TestBrowser.location(response);
		}
		throw new AssertionError("Too many redirects from " + first);
	}

	private static boolean isGateway(URI uri) {
		return ("http://127.0.0.1:" + hostile.gateway().port()).equals(uri.getScheme() + "://" + uri.getAuthority());
	}

}
