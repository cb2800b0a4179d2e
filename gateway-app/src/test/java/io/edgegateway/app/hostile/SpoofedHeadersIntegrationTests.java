package io.edgegateway.app.hostile;

import java.util.List;
import java.util.stream.Stream;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.edgegateway.app.hostile.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers a client sends to make the upstream believe something the gateway did not say:
 * hop-by-hop declarations that would strip the gateway's own headers, spoofed identity,
 * client-address and routing headers, and the gateway's cookies that must never leave it.
 * Raw HTTP/1.1 over a socket; the assertions are on what the echo upstream received.
 */
class SpoofedHeadersIntegrationTests {

	private static HostileGateway hostile;

	private static String session;

	private static String bearer;

	@BeforeAll
	static void start() {
		hostile = HostileGateway.get();
		session = hostile.sessionCookie("alice");
		bearer = hostile.bearerToken("carol");
	}

	@Test
	void connectionHeaderNamingTheGatewaysHeadersThenTheUpstreamStillReceivesThem() {
		Echo echo = hostile.raw()
			.send(get("/api/connection", "Cookie: " + session,
					"Connection: keep-alive, X-User-Id, Authorization, X-Tenant-Id, X-User-Email, X-User-Groups, X-Request-Id"))
			.echo();
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
		assertThat(echo.header("X-User-Email")).containsExactly("alice@example.com");
		assertThat(echo.header("X-User-Groups")).containsExactly("engineering");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");
		assertThat(echo.header("X-Request-Id")).singleElement().asString().isNotBlank();
		assertThat(echo.token()).containsEntry("sub", "alice");
	}

	@Test
	void connectionHeaderNamingAuthorizationOnABearerRequestThenTheTokenStillReachesTheUpstream() {
		Echo echo = hostile.raw()
			.send(get("/api/bearer", "Authorization: Bearer " + bearer, "Connection: Authorization, X-User-Id"))
			.echo();
		assertThat(echo.bearerToken()).isEqualTo(bearer);
		assertThat(echo.header("X-User-Id")).containsExactly("carol");
	}

	@Test
	void ordinaryConnectionOptionsThenTheRequestIsServedAsBefore() {
		RawHttp.Response close = hostile.raw().send(get("/plain/close", "Cookie: " + session, "Connection: close"));
		assertThat(close.echo().header("X-User-Id")).containsExactly("alice");
		List<RawHttp.Response> kept = hostile.raw()
			.sendAll(get("/plain/one", "Cookie: " + session, "Connection: keep-alive")
					+ get("/plain/two", "Cookie: " + session, "Connection: keep-alive"), 2);
		assertThat(kept).hasSize(2);
		assertThat(kept.get(1).echo().path()).isEqualTo("/plain/two");
	}

	@Test
	void gatewayCookiesThenNeitherSessionNorCsrfCookieReachesTheUpstreamButTheUpstreamsOwnDo() {
		Echo echo = hostile.raw()
			.send(get("/plain/cookies", "Cookie: theme=dark; " + session + "; XSRF-TOKEN=abc; cart=42"))
			.echo();
		assertThat(echo.header("Cookie")).containsExactly("theme=dark; cart=42");
	}

	@Test
	void onlyGatewayCookiesThenTheUpstreamGetsNoCookieHeader() {
		Echo echo = hostile.raw().send(get("/plain/only-ours", "Cookie: " + session, "Cookie: XSRF-TOKEN=abc")).echo();
		assertThat(echo.header("Cookie")).isEmpty();
	}

	static Stream<String> spoofedHeaders() {
		return Stream.of("X-User-Id: mallory", "x_user_id: mallory", "X-USER-EMAIL: mallory@evil.example",
				"X-Tenant: t-evil", "X-Tenant-Id: t-evil", "X-Real-IP: 10.9.9.9", "X-Original-URL: /admin",
				"X-Rewrite-URL: /admin", "X-Original-URI: /admin", "X-Forwarded-User: mallory",
				"X-Remote-User: mallory", "Remote-User: mallory", "X-Auth-Request-User: mallory",
				"X-Auth-Request-Email: mallory@evil.example", "True-Client-IP: 10.9.9.9", "X-Client-IP: 10.9.9.9",
				"X-MS-CLIENT-PRINCIPAL-NAME: mallory", "X-Goog-Authenticated-User-Email: mallory@evil.example",
				"X-Amzn-Oidc-Identity: mallory", "Cf-Access-Authenticated-User-Email: mallory@evil.example",
				"X-WEBAUTH-USER: mallory", "X-Consumer-Username: mallory");
	}

	@ParameterizedTest
	@MethodSource("spoofedHeaders")
	void spoofedIdentityOrRoutingHeaderThenTheUpstreamNeverSeesTheClientsValue(String header) {
		String name = header.substring(0, header.indexOf(':'));
		Echo echo = hostile.raw().send(get("/plain/spoof", "Cookie: " + session, header, header)).echo();
		assertThat(echo.headers().values()).as(header)
			.noneMatch((values) -> values.stream()
				.anyMatch((value) -> value.contains("mallory") || value.contains("evil") || value.contains("10.9.9.9")
						|| value.contains("/admin")));
		assertThat(echo.header(name.replace('_', '-'))).as(name)
			.allMatch((value) -> value.equals("alice") || value.equals("alice@example.com") || value.equals("t1"));
	}

	@Test
	void spoofedForwardingHeadersFromAnUntrustedClientThenTheUpstreamGetsTheGatewaysOwn() {
		Echo echo = hostile.raw()
			.send(get("/plain/forwarded", "Cookie: " + session, "X-Forwarded-For: 10.9.9.9",
					"X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "X-Forwarded-Port: 443",
					"Forwarded: for=10.9.9.9;host=evil.example;proto=https"))
			.echo();
		assertThat(echo.header("X-Forwarded-For")).containsExactly("127.0.0.1");
		assertThat(echo.header("X-Forwarded-Proto")).containsExactly("http");
		assertThat(echo.header("X-Forwarded-Host")).containsExactly("127.0.0.1:" + hostile.gateway().port());
		assertThat(echo.header("X-Forwarded-Port")).containsExactly(String.valueOf(hostile.gateway().port()));
		assertThat(echo.header("Forwarded")).isEmpty();
	}

}
