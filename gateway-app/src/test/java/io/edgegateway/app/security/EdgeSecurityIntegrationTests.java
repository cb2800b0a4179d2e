package io.edgegateway.app.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.RedisSupport;
import io.edgegateway.idp.DemoIdentityProvider;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login, bearer clients, identity headers, CSRF and logout over real connections:
 * a real gateway with its sessions in the real Redis, the real authorization server and
 * an echo upstream that reports what crossed the wire.
 */
class EdgeSecurityIntegrationTests {

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static GatewayInstance gateway;

	private static DemoIdentityProvider idp;

	private final TestBrowser browser = new TestBrowser();

	@BeforeAll
	static void startGateway() {
		idp = TestServers.idp();
		gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				GatewayInstance.redisSessions(NAMESPACE));
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@Test
	void navigationWithoutSessionThenSignsInWithPkceAndLandsOnRequestedPage() {
		HttpResponse<String> start = this.browser.navigate(gateway.url() + "/orders/42?view=full");
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(start).getPath()).isEqualTo("/oauth2/authorization/idp");
		String sessionBeforeLogin = this.browser.cookie("EDGE_SESSION").orElseThrow();

		HttpResponse<String> authorize = this.browser.navigate(TestBrowser.location(start).toString());
		Map<String, String> authorizeParams = TestBrowser.query(TestBrowser.location(authorize));
		assertThat(authorizeParams).containsKeys("code_challenge", "state", "nonce")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", gateway.url() + "/login/oauth2/code/idp");

		HttpResponse<String> landed = this.browser.submitLogin(this.browser.follow(authorize), "alice",
				"alice-password");
		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(landed.uri().toString()).isEqualTo(gateway.url() + "/orders/42?view=full");
		assertThat(landed.body()).contains("alice@example.com");
		assertThat(this.browser.cookie("EDGE_SESSION")).get().isNotEqualTo(sessionBeforeLogin);
	}

	@Test
	void signedInRequestThenUpstreamReceivesIdentityHeadersAndTheUsersTokenVerifiableByTheIdp() {
		signIn("alice");
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/api/orders", "Accept", "application/json"));
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
		assertThat(echo.header("X-User-Email")).containsExactly("alice@example.com");
		assertThat(echo.header("X-User-Groups")).containsExactly("engineering");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");
		assertThat(echo.header("X-Request-Id")).singleElement().asString().matches("[0-9a-f-]{36}");
		Jwt token = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build().decode(echo.bearerToken());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getAudience()).containsExactly("edge-gateway");
		assertThat(token.getClaimAsString("tenant")).isEqualTo("t1");
	}

	@Test
	void sessionCookieIsHttpOnlySameSiteLaxAndNotSecureOverPlainHttp() {
		HttpResponse<String> start = this.browser.navigate(gateway.url() + "/");
		String cookie = start.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("EDGE_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).containsIgnoringCase("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContainIgnoringCase("Secure");
	}

	static Stream<Arguments> scriptRequests() {
		return Stream.of(Arguments.of((Object) new String[] { "Accept", "application/json" }),
				Arguments.of((Object) new String[] { "Accept", "text/html", "X-Requested-With", "XMLHttpRequest" }),
				Arguments.of((Object) new String[] { "Accept", "text/html", "Sec-Fetch-Mode", "cors" }),
				Arguments.of((Object) new String[] { "Accept", "*/*" }));
	}

	@ParameterizedTest
	@MethodSource("scriptRequests")
	void scriptRequestWithoutSessionThenProblem401NamingLoginUrlNotRedirect(String[] headers) {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/api/orders", headers);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"edge-gateway\"");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"login\":\"/auth/login\"").contains("\"status\":401");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void bearerTokenOfTheIssuerThenUpstreamReceivesIdentityAndThatToken() {
		String token = idp.signAccessToken(bearerClaims("bob", "edge-gateway"), Instant.now(),
				Instant.now().plusSeconds(300));
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/api/reports", "Authorization", "Bearer " + token,
				"X-User-Id", "mallory"));
		assertThat(echo.bearerToken()).isEqualTo(token);
		assertThat(echo.header("X-User-Id")).containsExactly("bob");
		assertThat(echo.header("X-User-Groups")).containsExactly("sales");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t2");
	}

	@Test
	void claimPathsIntoNestedClaimsThenUpstreamReceivesThemAsIdentityHeaders() {
		Map<String, Object> claims = bearerClaims("carol", "edge-gateway");
		claims.remove("groups");
		claims.put("realm_access", Map.of("roles", List.of("auditor", "viewer")));
		claims.put("https://example.com/tenant", "t9");
		String token = idp.signAccessToken(claims, Instant.now(), Instant.now().plusSeconds(300));
		Map<String, Object> properties = new LinkedHashMap<>(GatewayInstance.redisSessions(NAMESPACE));
		properties.put("edge.identity.claims.groups", "realm_access.roles");
		properties.put("edge.identity.claims.tenant", "https://example.com/tenant");
		try (GatewayInstance keycloakStyle = GatewayInstance.start(idp.issuer(),
				TestServers.upstream().uri().toString(), properties)) {
			Echo echo = Echo.of(this.browser.get(keycloakStyle.url() + "/api/reports", "Authorization",
					"Bearer " + token, "X-User-Groups", "admin"));
			assertThat(echo.header("X-User-Id")).containsExactly("carol");
			assertThat(echo.header("X-User-Groups")).containsExactly("auditor,viewer");
			assertThat(echo.header("X-Tenant-Id")).containsExactly("t9");
		}
	}

	@Test
	void bearerClientThenNoCookieIsSet() {
		String token = idp.signAccessToken(bearerClaims("bob", "edge-gateway"), Instant.now(),
				Instant.now().plusSeconds(300));
		HttpResponse<String> response = this.browser.get(gateway.url() + "/api/reports", "Authorization",
				"Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	static Stream<Arguments> badBearerTokens() {
		Instant now = Instant.now();
		DemoIdentityProvider issuer = TestServers.idp();
		return Stream.of(
				Arguments.of("expired",
						issuer.signAccessToken(bearerClaims("bob", "edge-gateway"), now.minusSeconds(600),
								now.minusSeconds(300))),
				Arguments.of("other audience",
						issuer.signAccessToken(bearerClaims("bob", "another-api"), now, now.plusSeconds(300))),
				Arguments.of("not a JWT", "not-a-jwt"), Arguments.of("tampered", tamper(
						issuer.signAccessToken(bearerClaims("bob", "edge-gateway"), now, now.plusSeconds(300)))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBearerTokens")
	void badBearerTokenThen401WithWwwAuthenticateNeverLoginRedirect(String description, String token) {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/api/reports", "Authorization",
				"Bearer " + token, "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void forgedIdentityHeadersInAnyCaseOrDuplicatedThenUpstreamSeesOnlyTheGatewaysValues() {
		signIn("alice");
		Echo echo = Echo.of(this.browser.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/x"))
			.header("Accept", "application/json")
			.header("X-User-Id", "mallory")
			.header("x-user-id", "mallory2")
			.header("X_User_Id", "mallory3")
			.header("X-USER-GROUPS", "admin")
			.header("X-Tenant-Id", "t2")
			.header("X-Tenant-Id", "t3")
			.header("X-Forwarded-User", "mallory")
			.header("X-Forwarded-Email", "mallory@evil.example")
			.header("X-Auth-Request-User", "mallory")));
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
		assertThat(echo.header("X-User-Groups")).containsExactly("engineering");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");
		assertThat(echo.headers()).doesNotContainKeys("x_user_id", "x-forwarded-user", "x-forwarded-email",
				"x-auth-request-user");
		assertThat(echo.headers().toString()).doesNotContain("mallory").doesNotContain("admin");
	}

	@Test
	void requestIdWellFormedThenKeptOtherwiseReplacedAndAlwaysReturned() {
		signIn("alice");
		HttpResponse<String> kept = this.browser.get(gateway.url() + "/api/x", "Accept", "application/json",
				"X-Request-Id", "trace-abc-123");
		assertThat(Echo.of(kept).header("X-Request-Id")).containsExactly("trace-abc-123");
		assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("trace-abc-123");
		HttpResponse<String> replaced = this.browser.get(gateway.url() + "/api/x", "Accept", "application/json",
				"X-Request-Id", "bad id; drop table");
		String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(Echo.of(replaced).header("X-Request-Id")).containsExactly(id);
	}

	@ParameterizedTest
	@MethodSource("offOriginTargets")
	void loginWithOffOriginRedirectThenRejectedNamingTheParameter(String target) {
		HttpResponse<String> response = this.browser.get(
				gateway.url() + "/auth/login?redirect=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8),
				"Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("redirect");
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	static Stream<String> offOriginTargets() {
		return Stream.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "evil.example",
				"javascript:alert(1)", "/%0d%0aSet-Cookie:x".replace("%0d%0a", "\r\n"));
	}

	@Test
	void loginWithSameOriginRedirectThenLandsThereAfterSignIn() {
		HttpResponse<String> start = this.browser.get(gateway.url() + "/auth/login?redirect=/reports%3Fyear%3D2026");
		assertThat(start.statusCode()).isEqualTo(302);
		HttpResponse<String> landed = this.browser.submitLogin(this.browser.follow(start), "bob", "bob-password");
		assertThat(landed.uri().toString()).isEqualTo(gateway.url() + "/reports?year=2026");
	}

	@Test
	void stateChangingRequestOnSessionWithoutCsrfTokenThenForbiddenAndWithTokenThenProxied() {
		signIn("alice");
		HttpResponse<String> rejected = this.browser.post(gateway.url() + "/api/orders", "item=1", "Accept",
				"application/json");
		assertThat(rejected.statusCode()).isEqualTo(403);
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();
		HttpResponse<String> accepted = this.browser.post(gateway.url() + "/api/orders", "item=1", "Accept",
				"application/json", "X-XSRF-TOKEN", csrf);
		Echo echo = Echo.of(accepted);
		assertThat(echo.method()).isEqualTo("POST");
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
	}

	@Test
	void knownSessionUserThenEveryRequestGetsTheSecurityHeadersAndTheUsersIdentity() {
		signIn("alice");
		assertThat(this.browser.cookie("XSRF-TOKEN")).isPresent();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = this.browser.get(gateway.url() + "/api/orders/" + i, "Accept",
					"application/json");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
			Echo echo = Echo.of(response);
			assertThat(echo.header("X-User-Id")).containsExactly("alice");
			assertThat(echo.header("X-User-Email")).containsExactly("alice@example.com");
		}
	}

	@Test
	void sessionCookiesKeptAfterLogoutThenNoProxiedRequestIsServedWithThem() {
		signIn("alice");
		String session = this.browser.cookie("EDGE_SESSION").orElseThrow();
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();
		assertThat(this.browser.get(gateway.url() + "/api/orders", "Accept", "application/json").statusCode())
			.isEqualTo(200);
		assertThat(this.browser.post(gateway.url() + "/logout", "", "X-XSRF-TOKEN", csrf).statusCode()).isEqualTo(302);
		HttpResponse<String> replayed = new TestBrowser()
			.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/orders"))
				.header("Accept", "application/json")
				.header("Cookie", "EDGE_SESSION=" + session + "; XSRF-TOKEN=" + csrf));
		assertThat(replayed.statusCode()).isEqualTo(401);
	}

	@Test
	void sessionNotYetSignedInWithItsCsrfCookieThenScriptGets401() {
		HttpResponse<String> start = this.browser.navigate(gateway.url() + "/reports");
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(this.browser.cookie("EDGE_SESSION")).isPresent();
		assertThat(this.browser.cookie("XSRF-TOKEN")).isPresent();
		HttpResponse<String> script = this.browser.get(gateway.url() + "/api/orders", "Accept", "application/json");
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(script.body()).contains("\"login\":\"/auth/login\"");
	}

	@Test
	void bearerTokenUsedAgainThenSameIdentityAndTokenReachTheUpstream() {
		String token = idp.signAccessToken(bearerClaims("bob", "edge-gateway"), Instant.now(),
				Instant.now().plusSeconds(300));
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = this.browser.get(gateway.url() + "/api/reports", "Authorization",
					"Bearer " + token, "Accept", "application/json");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			Echo echo = Echo.of(response);
			assertThat(echo.header("X-User-Id")).containsExactly("bob");
			assertThat(echo.bearerToken()).isEqualTo(token);
		}
		HttpResponse<String> tampered = this.browser.get(gateway.url() + "/api/reports", "Authorization",
				"Bearer " + tamper(token), "Accept", "application/json");
		assertThat(tampered.statusCode()).isEqualTo(401);
	}

	@Test
	void loginWithAPromptThenTheProviderIsAskedForItAndAnyOtherPromptIsDropped() {
		HttpResponse<String> login = this.browser.navigate(gateway.url() + "/auth/login?prompt=consent");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(login).toString())
			.isEqualTo(gateway.url() + "/oauth2/authorization/idp?prompt=consent");
		HttpResponse<String> authorize = this.browser.navigate(TestBrowser.location(login).toString());
		assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("prompt", "consent")
			.containsKey("code_challenge");

		HttpResponse<String> silent = this.browser.navigate(gateway.url() + "/auth/login?prompt=none");
		assertThat(TestBrowser.location(silent).toString()).isEqualTo(gateway.url() + "/oauth2/authorization/idp");
		HttpResponse<String> direct = this.browser.navigate(gateway.url() + "/oauth2/authorization/idp?prompt=none");
		assertThat(TestBrowser.query(TestBrowser.location(direct))).doesNotContainKey("prompt");
	}

	@Test
	void authorizationParametersConfiguredForTheRegistrationThenSentBeforeTheSignInsOwn() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("edge.security.authorization-parameters.idp.[access_type]", "offline");
		properties.put("edge.security.authorization-parameters.idp.audience", "https://orders.example.com");
		properties.put("edge.security.authorization-parameters.idp.prompt", "consent");
		try (GatewayInstance google = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				properties)) {
			TestBrowser browser = new TestBrowser();
			HttpResponse<String> authorize = browser.navigate(google.url() + "/oauth2/authorization/idp");
			assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("access_type", "offline")
				.containsEntry("audience", "https://orders.example.com")
				.containsEntry("prompt", "consent")
				.containsKey("code_challenge");
			HttpResponse<String> login = browser.navigate(google.url() + "/oauth2/authorization/idp?prompt=login");
			assertThat(TestBrowser.query(TestBrowser.location(login))).as("the sign-in's own prompt wins")
				.containsEntry("prompt", "login");
		}
	}

	@Test
	void authMeThenProfileWithoutAnyToken() {
		signIn("alice");
		HttpResponse<String> me = this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"subject\":\"alice\"")
			.contains("\"name\":\"Alice Anders\"")
			.contains("\"email\":\"alice@example.com\"")
			.contains("\"groups\":[\"engineering\"]")
			.contains("\"tenant\":\"t1\"")
			.doesNotContain("eyJ")
			.doesNotContainIgnoringCase("token");
	}

	@Test
	void logoutThenSessionEndsAndBrowserIsSentToTheProvidersEndSession() {
		signIn("alice");
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();
		HttpResponse<String> logout = this.browser.post(gateway.url() + "/logout", "", "X-XSRF-TOKEN", csrf);
		assertThat(logout.statusCode()).isEqualTo(302);
		URI endSession = TestBrowser.location(logout);
		assertThat(endSession.toString()).startsWith(idp.issuer() + "/connect/logout");
		assertThat(TestBrowser.query(endSession)).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", gateway.url() + "/");
		HttpResponse<String> after = this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json");
		assertThat(after.statusCode()).isEqualTo(401);
	}

	@Test
	void inventedSessionCookieThenNeverAdopted() {
		String invented = "attacker-chosen-session-id";
		HttpResponse<String> api = this.browser.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/auth/me"))
			.header("Accept", "application/json")
			.header("Cookie", "EDGE_SESSION=" + invented));
		assertThat(api.statusCode()).isEqualTo(401);
		HttpResponse<String> navigation = this.browser.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/"))
			.header("Accept", "text/html")
			.header("Cookie", "EDGE_SESSION=" + invented));
		assertThat(navigation.statusCode()).isEqualTo(302);
		assertThat(navigation.headers().allValues("Set-Cookie"))
			.anyMatch((cookie) -> cookie.startsWith("EDGE_SESSION="))
			.noneMatch((cookie) -> cookie.contains(invented));
	}

	@Test
	void sessionsInRedisHoldNoTokenOrIdentityInClear() {
		signIn("alice");
		String token = Echo.of(this.browser.get(gateway.url() + "/api/x", "Accept", "application/json")).bearerToken();
		List<String> keys = new ArrayList<>();
		List<String> values = new ArrayList<>();
		RedisSupport redis = RedisSupport.redis();
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<byte[]> page = connection.sync()
					.scan(cursor, ScanArgs.Builder.matches(NAMESPACE + "*").limit(500));
				for (byte[] key : page.getKeys()) {
					keys.add(new String(key, StandardCharsets.ISO_8859_1));
					if ("hash".equals(connection.sync().type(key))) {
						connection.sync()
							.hgetall(key)
							.forEach((field, value) -> values.add(new String(field, StandardCharsets.ISO_8859_1) + "="
									+ new String(value, StandardCharsets.ISO_8859_1)));
					}
					else if ("zset".equals(connection.sync().type(key))) {
						connection.sync()
							.zrange(key, 0, -1)
							.forEach((member) -> values.add(new String(member, StandardCharsets.ISO_8859_1)));
					}
					else {
						byte[] value = connection.sync().get(key);
						values.add((value != null) ? new String(value, StandardCharsets.ISO_8859_1) : "");
					}
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
		assertThat(keys).isNotEmpty().noneMatch((key) -> key.contains("alice"));
		assertThat(values).isNotEmpty()
			.noneMatch((value) -> value.contains(token) || value.contains("eyJ") || value.contains("alice"));
	}

	@Test
	void publicPortServesOnlyHealthProbesAndManagementPortNeverEditsRoutes() {
		assertThat(this.browser.get(gateway.url() + "/livez").statusCode()).isEqualTo(200);
		assertThat(this.browser.get(gateway.url() + "/readyz").statusCode()).isEqualTo(200);
		HttpResponse<String> actuator = this.browser.get(gateway.url() + "/actuator/health", "Accept",
				"application/json");
		assertThat(actuator.statusCode()).isEqualTo(401);
		assertThat(this.browser.get(gateway.managementUrl() + "/actuator/health").body()).contains("\"UP\"");
		assertThat(this.browser.get(gateway.managementUrl() + "/actuator/gateway/routes").body()).contains("demo-echo");
		HttpResponse<String> edit = this.browser
			.send(HttpRequest.newBuilder(URI.create(gateway.managementUrl() + "/actuator/gateway/routes/evil"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"uri\":\"http://evil.example\",\"predicates\":[\"Path=/evil/**\"]}")));
		assertThat(edit.statusCode()).isBetween(400, 499);
		assertThat(this.browser.get(gateway.managementUrl() + "/actuator/gateway/routes").body())
			.doesNotContain("evil");
	}

	@Test
	void forwardedHeadersFromUntrustedClientThenIgnoredForRedirectUri() {
		HttpResponse<String> authorize = this.browser.get(gateway.url() + "/oauth2/authorization/idp",
				"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "Forwarded",
				"host=evil.example;proto=https");
		assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("redirect_uri",
				gateway.url() + "/login/oauth2/code/idp");
	}

	private void signIn(String user) {
		HttpResponse<String> landed = this.browser.signIn(gateway.url() + "/", user, user + "-password");
		assertThat(landed.statusCode()).isEqualTo(200);
	}

	static Map<String, Object> bearerClaims(String user, String audience) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user);
		claims.put("aud", List.of(audience));
		claims.put("email", user + "@example.com");
		claims.put("groups", List.of("sales"));
		claims.put("tenant", "t2");
		return claims;
	}

	private static String tamper(String jwt) {
		String[] parts = jwt.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"bob\"", "\"eve\"");
		return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
	}

}
