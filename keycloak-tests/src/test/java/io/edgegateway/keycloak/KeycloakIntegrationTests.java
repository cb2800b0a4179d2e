package io.edgegateway.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.file.RouteFilesLocator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against a real Keycloak: configured only by the YAML examples of
 * {@code docs/providers/keycloak.md} (its configuration, and its route files in the
 * gateway's route directory with the upstream addresses pointed at the echo upstream,
 * beside the test's own {@code routes/*.yaml}), with users signing in on Keycloak's own
 * login form, and stepping up on its one-time-code form. Every test asserts on what
 * crossed the wire: what the echo upstream received, verified against Keycloak's keys,
 * and what Keycloak recorded (its sessions and events).
 */
class KeycloakIntegrationTests {

	/**
	 * The {@code max-age} of the route {@code recent-sign-in}
	 * ({@code routes/keycloak-step-up-cases.yaml}): long enough for the sign-in to come
	 * back within it on a busy machine.
	 */
	private static final Duration RECENT_MAX_AGE = Duration.ofSeconds(5);

	/**
	 * The title of the echo upstream's answer to a browser navigation (an HTML page).
	 */
	private static final String UPSTREAMS_PAGE = "what the upstream received";

	@TempDir
	static Path config;

	private static EdgeRealm realm;

	private static GatewayInstance gateway;

	private static JwtDecoder keycloakTokens;

	private static String aliceId;

	private static String gatewayUrl;

	private static String carolId;

	private final TestBrowser browser = TestBrowser.withLoopbackSecureContexts();

	@BeforeAll
	static void start() throws IOException {
		if (!KeycloakServer.available()) {
			return;
		}
		KeycloakServer keycloak = KeycloakServer.shared();
		int port = GatewayInstance.freePort();
		gatewayUrl = "http://127.0.0.1:" + port;
		realm = EdgeRealm.create(keycloak, gatewayUrl);
		aliceId = realm.userId("alice");
		carolId = realm.userId("carol");
		List<String> examples = DocExamples.yamlBlocks(Path.of(System.getProperty("keycloak.docs")));
		assertThat(examples).as("the YAML examples of docs/providers/keycloak.md").hasSize(3);
		Path configuration = Files.writeString(config.resolve("keycloak.yaml"), examples.get(0));
		Path routes = Files.createDirectories(config.resolve("routes"));
		Files.writeString(routes.resolve("keycloak-routes.yaml"), toEchoUpstream(examples.get(1)));
		Files.writeString(routes.resolve("keycloak-step-up.yaml"), toEchoUpstream(examples.get(2)));
		for (String file : List.of("keycloak-pitfalls.yaml", "keycloak-step-up-cases.yaml")) {
			Files.writeString(routes.resolve(file),
					toEchoUpstream(new ClassPathResource("routes/" + file).getContentAsString(StandardCharsets.UTF_8)));
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.import", "file:" + configuration);
		properties.put("KEYCLOAK_URL", keycloak.url());
		properties.put("EDGE_GATEWAY_SECRET", EdgeRealm.GATEWAY_SECRET);
		properties.put("REPORTS_SA_SECRET", EdgeRealm.REPORTS_SA_SECRET);
		properties.put("GATEWAY_URL", gatewayUrl);
		properties.put("server.port", port);
		properties.put("edge.routes.directory", routes);
		// The page's team, granted the tests' own route files too.
		List<String> teamFiles = List.of("keycloak-routes.yaml", "keycloak-step-up.yaml", "keycloak-pitfalls.yaml",
				"keycloak-step-up-cases.yaml");
		for (int i = 0; i < teamFiles.size(); i++) {
			properties.put("edge.routes.teams.shop.files[" + i + "]", teamFiles.get(i));
		}
		gateway = GatewayInstance.startConfiguredBy(properties);
		keycloakTokens = NimbusJwtDecoder.withIssuerLocation(realm.issuer()).build();
	}

	/**
	 * Each test is skipped, and says why, where Keycloak cannot run.
	 */
	@BeforeEach
	void keycloakAvailable() {
		KeycloakServer.assumeAvailable();
	}

	@AfterAll
	static void stop() {
		if (gateway != null) {
			gateway.close();
		}
	}

	@Test
	void docsExamplesConfigureTheGatewayAndItsRouteFile() {
		Map<String, RouteFilesLocator.FileState> files = gateway.context().getBean(RouteFilesLocator.class).files();
		assertThat(files.get("keycloak-routes.yaml").problems()).isEmpty();
		assertThat(files.get("keycloak-routes.yaml").applied()).extracting(RouteDefinition::getId)
			.containsExactly("orders", "reports", "app");
		assertThat(files.get("keycloak-pitfalls.yaml").problems()).isEmpty();
		assertThat(files.get("keycloak-step-up.yaml").problems()).isEmpty();
		assertThat(files.get("keycloak-step-up.yaml").applied()).extracting(RouteDefinition::getId)
			.containsExactly("payments");
		assertThat(files.get("keycloak-step-up-cases.yaml").problems()).isEmpty();
		assertThat(files.get("keycloak-step-up-cases.yaml").applied()).extracting(RouteDefinition::getId)
			.containsExactly("recent-sign-in", "unknown-level");
	}

	@Test
	void browserSignsInOnKeycloaksLoginFormThenUpstreamReceivesIdentityHeadersAndKeycloaksAccessToken() {
		HttpResponse<String> page = this.browser.navigate(gateway.url() + "/app/home");
		assertThat(TestBrowser.location(page).getPath()).isEqualTo("/oauth2/authorization/idp");
		HttpResponse<String> authorize = this.browser.navigate(TestBrowser.location(page).toString());
		URI authorization = TestBrowser.location(authorize);
		assertThat(authorization.toString()).startsWith(realm.issuer() + "/protocol/openid-connect/auth?");
		assertThat(TestBrowser.query(authorization)).containsEntry("client_id", "edge-gateway")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", gateway.url() + "/login/oauth2/code/idp");
		HttpResponse<String> loginPage = this.browser.follow(this.browser.navigate(authorization.toString()));

		HttpResponse<String> signedIn = this.browser
			.follow(KeycloakLoginForm.submit(this.browser, loginPage, "alice", "alice-password"));
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.uri().toString()).isEqualTo(gateway.url() + "/app/home");

		Echo echo = call("/app/profile");
		assertThat(echo.header("X-User-Id")).containsExactly(aliceId);
		assertThat(echo.header("X-User-Email")).containsExactly("alice@example.com");
		assertThat(echo.header("X-User-Groups")).singleElement().asString().contains("engineering");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");
		Jwt token = keycloakTokens.decode(echo.bearerToken());
		assertThat(token.getIssuer().toString()).isEqualTo(realm.issuer());
		assertThat(token.getSubject()).isEqualTo(aliceId);
		assertThat(token.getClaimAsString("azp")).isEqualTo("edge-gateway");
		assertThat(token.getAudience()).contains("edge-gateway");
		assertThat(realm.sessions("alice")).contains(token.getClaimAsString("sid"));
	}

	@Test
	void tokenExchangeThenUpstreamReceivesATokenKeycloakMintedForItsAudienceOnBehalfOfTheUser() {
		signIn("alice");
		String usersToken = call("/app/x").bearerToken();
		Echo echo = call("/api/orders/42");
		Jwt token = keycloakTokens.decode(echo.bearerToken());
		assertThat(token.getAudience()).containsExactly("orders-api");
		assertThat(token.getSubject()).isEqualTo(aliceId);
		assertThat(token.getClaimAsString("azp")).isEqualTo("edge-gateway");
		assertThat(token.getClaimAsString("scope")).contains("orders-api");
		assertThat(echo.bearerToken()).isNotEqualTo(usersToken);
		assertThat(echo.header("X-User-Id")).containsExactly(aliceId);
		assertThat(realm.events("TOKEN_EXCHANGE", token.getClaimAsString("sid"))).isNotEmpty();
	}

	/**
	 * What the page says of {@code audience}, {@code scope} and {@code resource}, as
	 * Keycloak answers it.
	 */
	@Test
	void tokenExchangeWithoutTheAudiencesScopeOrByResourceThenKeycloakAnswersAsTheDocsSay() {
		signIn("alice");
		HttpResponse<String> noScope = this.browser.get(gateway.url() + "/pitfalls/no-scope/1", "Accept",
				"application/json");
		assertThat(noScope.statusCode()).isEqualTo(403);
		assertThat(noScope.body()).contains("\"route\":\"orders-without-scope\"")
			.contains("\"error\":\"invalid_request\"")
			.contains("Requested audience not available: orders-api");

		Jwt byResource = keycloakTokens.decode(call("/pitfalls/resource/1").bearerToken());
		// every audience the scopes give: Keycloak's 'account' too (its default roles)
		assertThat(byResource.getAudience()).containsExactlyInAnyOrder("orders-api", "edge-gateway", "account");
	}

	@Test
	void serviceAccountRouteThenUpstreamReceivesTheServiceAccountsTokenAndTheUserInHeaders() {
		signIn("alice");
		Echo echo = call("/api/reports/q1");
		Jwt token = keycloakTokens.decode(echo.bearerToken());
		assertThat(token.getClaimAsString("azp")).isEqualTo("reports-sa");
		assertThat(token.getClaimAsString("preferred_username")).isEqualTo("service-account-reports-sa");
		assertThat(token.getAudience()).contains("reports-api");
		assertThat(token.getClaimAsString("scope")).contains("reports.read");
		assertThat(echo.header("X-User-Id")).containsExactly(aliceId);
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");

		TestBrowser bob = TestBrowser.withLoopbackSecureContexts();
		KeycloakLoginForm.signIn(bob, gateway.url() + "/", "bob", "bob-password");
		HttpResponse<String> denied = bob.get(gateway.url() + "/api/reports/q1", "Accept", "application/json");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("\"route\":\"reports\"").contains("groups: one of [engineering]");
	}

	@Test
	void bearerClientWithKeycloakAccessTokenThenRelayedAndItsClaimsInHeadersAndBadTokensGet401() {
		String accessToken = realm.passwordGrant("alice", "alice-password");
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/app/x", "Authorization", "Bearer " + accessToken,
				"Accept", "application/json"));
		assertThat(echo.bearerToken()).isEqualTo(accessToken);
		assertThat(echo.header("X-User-Id")).containsExactly(aliceId);
		assertThat(echo.header("X-User-Email")).containsExactly("alice@example.com");
		assertThat(echo.header("X-User-Groups")).singleElement().asString().contains("engineering");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");
		assertThat(echo.token()).containsEntry("groups", List.of("engineering")).containsEntry("azp", "edge-cli");

		String[] parts = accessToken.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
		String otherAudience = realm.serviceAccountToken();
		for (String bad : List.of(forged, otherAudience)) {
			HttpResponse<String> refused = this.browser.get(gateway.url() + "/app/x", "Authorization", "Bearer " + bad,
					"Accept", "application/json");
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					(challenge) -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
			assertThat(refused.body()).doesNotContain("\"method\"");
		}
	}

	@Test
	void shortKeycloakTokensThenUsedForHalfTheirLifeAndRefreshedOnceNotOnEveryCall() throws InterruptedException {
		signIn("alice");
		Jwt first = keycloakTokens.decode(call("/app/x").bearerToken());
		String session = first.getClaimAsString("sid");
		assertThat(Duration.between(first.getIssuedAt(), first.getExpiresAt()))
			.isEqualTo(Duration.ofSeconds(EdgeRealm.ACCESS_TOKEN_SECONDS));
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			tokens.add(call("/app/x").bearerToken());
		}
		assertThat(tokens).containsExactly(first.getTokenValue());
		assertThat(realm.events("REFRESH_TOKEN", session)).isEmpty();

		// Half of the token's life: the next call refreshes it, once.
		Instant due = first.getIssuedAt().plusSeconds(EdgeRealm.ACCESS_TOKEN_SECONDS / 2 + 2);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
		List<String> refreshed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			refreshed.add(call("/app/x").bearerToken());
		}
		assertThat(new HashSet<>(refreshed)).singleElement().isNotEqualTo(first.getTokenValue());
		Jwt second = keycloakTokens.decode(refreshed.get(0));
		assertThat(second.getSubject()).isEqualTo(aliceId);
		assertThat(second.getClaimAsString("sid")).isEqualTo(session);
		assertThat(realm.events("REFRESH_TOKEN", session)).hasSize(1);
	}

	/**
	 * Without back-channel logout, the gateway learns of the ended session from
	 * Keycloak's refusal of the user's token.
	 */
	@Test
	void withoutBackChannelLogoutAdministratorEndsTheUsersKeycloakSessionThenTheExchangeAnswers401AndTheGatewaySessionEnds() {
		realm.backChannelLogout(null);
		try {
			administratorEndsBobsKeycloakSessionThenTheExchangeAnswers401AndTheGatewaySessionEnds();
		}
		finally {
			realm.backChannelLogout(gatewayUrl);
		}
	}

	private void administratorEndsBobsKeycloakSessionThenTheExchangeAnswers401AndTheGatewaySessionEnds() {
		// bob: no other test exchanges his token, so no minted token of his is cached
		signIn("bob");
		String session = keycloakTokens.decode(call("/app/x").bearerToken()).getClaimAsString("sid");
		assertThat(realm.sessions("bob")).contains(session);

		realm.logout("bob");
		int refusals = realm.events("TOKEN_EXCHANGE_ERROR").size();

		HttpResponse<String> exchange = this.browser.get(gateway.url() + "/api/orders/1", "Accept", "application/json");
		assertThat(exchange.statusCode()).isEqualTo(401);
		assertThat(exchange.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(exchange.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"edge-gateway\"");
		assertThat(exchange.body()).contains("\"login\":\"/auth/login\"").doesNotContain("eyJ");
		// The gateway asked Keycloak, which refused bob's token (its answer:
		// invalid_request, "Invalid token"), and ended its own session on that answer.
		List<Map<String, Object>> refused = realm.events("TOKEN_EXCHANGE_ERROR");
		assertThat(refused).hasSize(refusals + 1);
		assertThat(refused.get(0)).containsEntry("error", "invalid_token");
		assertThat(refused.get(0).get("details")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("reason", "subject_token validation failure");
		assertThat(this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
			.isEqualTo(401);
		HttpResponse<String> navigation = this.browser.navigate(gateway.url() + "/app/home");
		assertThat(TestBrowser.location(navigation).getPath()).isEqualTo("/oauth2/authorization/idp");
	}

	/**
	 * With back-channel logout (the realm's client has the gateway's back-channel logout
	 * URL, with the session), Keycloak tells the gateway at once: the gateway session
	 * ends without any request to the gateway, and the next request is refused without
	 * asking Keycloak.
	 */
	@Test
	void administratorEndsTheUsersKeycloakSessionThenKeycloakEndsTheGatewaySessionOverTheBackChannel() {
		AuditEvents audit = new AuditEvents();
		audit.start();
		try {
			signIn("carol");
			String session = keycloakTokens.decode(call("/app/x").bearerToken()).getClaimAsString("sid");
			assertThat(realm.sessions("carol")).contains(session);
			int refusals = realm.events("TOKEN_EXCHANGE_ERROR").size();

			realm.logout("carol");

			List<Map<String, Object>> revoked = audit.ofType("session_revoked", carolId, 1);
			assertThat(revoked).as("the gateway ended the session before any request of the user's").hasSize(1);
			assertThat(revoked.get(0)).containsEntry("issuer", realm.issuer())
				.containsEntry("actor", "provider")
				.containsEntry("reason", "backchannel_logout");
			HttpResponse<String> me = this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json");
			assertThat(me.statusCode()).isEqualTo(401);
			HttpResponse<String> navigation = this.browser.navigate(gateway.url() + "/app/home");
			assertThat(TestBrowser.location(navigation).getPath()).isEqualTo("/oauth2/authorization/idp");
			assertThat(realm.events("TOKEN_EXCHANGE_ERROR")).as("Keycloak was not asked").hasSize(refusals);
		}
		finally {
			audit.stop();
		}
	}

	@Test
	void logoutEndsTheGatewaySessionAndTheKeycloakSessionThroughTheEndSessionEndpoint() {
		signIn("alice");
		Jwt token = keycloakTokens.decode(call("/app/x").bearerToken());
		String session = token.getClaimAsString("sid");
		assertThat(realm.sessions("alice")).contains(session);
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();

		HttpResponse<String> logout = this.browser.post(gateway.url() + "/logout", "", "X-XSRF-TOKEN", csrf);
		assertThat(logout.statusCode()).isEqualTo(302);
		URI endSession = TestBrowser.location(logout);
		assertThat(endSession.toString()).startsWith(realm.issuer() + "/protocol/openid-connect/logout?");
		assertThat(TestBrowser.query(endSession)).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", gateway.url() + "/");
		assertThat(this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
			.isEqualTo(401);

		HttpResponse<String> keycloak = this.browser.navigate(endSession.toString());
		assertThat(keycloak.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(keycloak).toString()).isEqualTo(gateway.url() + "/");
		assertThat(realm.sessions("alice")).doesNotContain(session);
		assertThat(realm.events("LOGOUT", session)).hasSize(1);
	}

	/**
	 * The page's step-up route: carol, signed in with her password (silver), is sent to
	 * Keycloak with {@code acr_values=gold}; its SSO cookie covers silver, so it asks for
	 * her one-time code only, and she lands back on the page, in the same Keycloak
	 * session, at gold.
	 */
	@Test
	void routeAsksForGoldThenKeycloakAsksForTheOneTimeCodeOnlyAndTheUserLandsBackOnThePageAtGold() {
		signIn("carol");
		Jwt silver = keycloakTokens.decode(call("/app/x").bearerToken());
		assertThat(silver.getClaimAsString("acr")).isEqualTo("silver");

		HttpResponse<String> stepUp = this.browser.navigate(gateway.url() + "/payments/1");
		assertThat(stepUp.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(stepUp))
			.hasToString(gateway.url() + "/oauth2/authorization/idp?acr_values=gold");
		URI authorization = TestBrowser.location(this.browser.navigate(TestBrowser.location(stepUp).toString()));
		assertThat(authorization.toString()).startsWith(realm.issuer() + "/protocol/openid-connect/auth?");
		assertThat(TestBrowser.query(authorization)).containsEntry("acr_values", "gold")
			.containsEntry("client_id", "edge-gateway")
			.doesNotContainKey("max_age");
		HttpResponse<String> otpPage = this.browser.follow(this.browser.navigate(authorization.toString()));
		assertThat(KeycloakLoginForm.isOtpPage(otpPage)).as("Keycloak's OTP form:\n%s", otpPage.body()).isTrue();
		assertThat(KeycloakLoginForm.isLoginPage(otpPage)).as("no password asked").isFalse();

		HttpResponse<String> page = this.browser
			.follow(KeycloakLoginForm.submitOtp(this.browser, otpPage, EdgeRealm.otp(Instant.now())));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().toString()).isEqualTo(gateway.url() + "/payments/1");
		assertThat(page.body()).contains(UPSTREAMS_PAGE).contains("GET /payments/1");
		Echo echo = call("/payments/1");
		assertThat(echo.header("X-User-Id")).containsExactly(carolId);
		Jwt gold = keycloakTokens.decode(echo.bearerToken());
		assertThat(gold.getClaimAsString("acr")).isEqualTo("gold");
		assertThat(gold.getClaimAsString("sid")).isEqualTo(silver.getClaimAsString("sid"));
		Jwt idToken = idTokenOnSignOut();
		assertThat(idToken.getSubject()).isEqualTo(carolId);
		assertThat(idToken.getClaimAsString("acr")).isEqualTo("gold");
		assertThat(idToken.getClaimAsString("sid")).isEqualTo(silver.getClaimAsString("sid"));
	}

	/**
	 * {@code max-age}: once alice's sign-in is older, a navigation is sent to Keycloak
	 * with {@code max_age}, which shows its login form again despite its SSO cookie;
	 * after it she lands back on the page with an ID token of the new sign-in.
	 */
	@Test
	void signInOlderThanMaxAgeThenKeycloakShowsItsLoginFormAgainAndTheUserLandsBackOnThePage()
			throws InterruptedException {
		signIn("alice");
		Instant signedIn = Instant.now();
		String session = keycloakTokens.decode(call("/step-up/recent/1").bearerToken()).getClaimAsString("sid");

		// Keycloak compares whole seconds: auth_time + max_age < now
		Thread.sleep(Duration.between(Instant.now(), signedIn.plus(RECENT_MAX_AGE).plusSeconds(1)).toMillis());
		HttpResponse<String> stepUp = this.browser.navigate(gateway.url() + "/step-up/recent/1");
		assertThat(TestBrowser.location(stepUp))
			.hasToString(gateway.url() + "/oauth2/authorization/idp?max_age=" + RECENT_MAX_AGE.toSeconds());
		URI authorization = TestBrowser.location(this.browser.navigate(TestBrowser.location(stepUp).toString()));
		assertThat(TestBrowser.query(authorization))
			.containsEntry("max_age", String.valueOf(RECENT_MAX_AGE.toSeconds()))
			.doesNotContainKey("acr_values");
		HttpResponse<String> loginPage = this.browser.follow(this.browser.navigate(authorization.toString()));
		assertThat(KeycloakLoginForm.isLoginPage(loginPage)).as("Keycloak's login form:\n%s", loginPage.body())
			.isTrue();
		assertThat(loginPage.body()).contains("Please re-authenticate to continue");

		long beforeForm = Instant.now().getEpochSecond();
		HttpResponse<String> page = this.browser
			.follow(KeycloakLoginForm.submit(this.browser, loginPage, "alice", "alice-password"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().toString()).isEqualTo(gateway.url() + "/step-up/recent/1");
		assertThat(page.body()).contains(UPSTREAMS_PAGE).contains("GET /step-up/recent/1");
		assertThat(call("/step-up/recent/1").header("X-User-Id")).containsExactly(aliceId);
		Jwt idToken = idTokenOnSignOut();
		assertThat(idToken.getSubject()).isEqualTo(aliceId);
		assertThat(idToken.getClaimAsString("sid")).isEqualTo(session);
		assertThat(((Number) idToken.getClaim("auth_time")).longValue()).isGreaterThanOrEqualTo(beforeForm);
	}

	/**
	 * A level the gateway client's {@code acr.loa.map} does not name: Keycloak counts it
	 * as the lowest level, which its SSO cookie satisfies, and sends alice straight back,
	 * at silver. The gateway answers {@code 403} after that one round trip, not a loop.
	 */
	@Test
	void levelKeycloaksMappingDoesNotNameThenKeycloakSendsTheUserBackAtSilverAndTheGatewayAnswers403AfterOneRoundTrip() {
		signIn("alice");
		String session = keycloakTokens.decode(call("/app/x").bearerToken()).getClaimAsString("sid");
		assertThat(realm.events("CODE_TO_TOKEN", session)).hasSize(1);
		List<URI> trip = new ArrayList<>();
		HttpResponse<String> response = this.browser.navigate(gateway.url() + "/step-up/platinum/1");
		while (TestBrowser.isRedirect(response) && trip.size() < 10) {
			trip.add(TestBrowser.location(response));
			response = this.browser.navigate(trip.get(trip.size() - 1).toString());
		}
		assertThat(trip).extracting(URI::getPath)
			.containsExactly("/oauth2/authorization/idp", "/realms/" + EdgeRealm.NAME + "/protocol/openid-connect/auth",
					"/login/oauth2/code/idp", "/step-up/platinum/1");
		assertThat(TestBrowser.query(trip.get(1))).containsEntry("acr_values", "platinum");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"error\":\"insufficient_user_authentication\"")
			.contains("\"route\":\"unknown-level\"");

		// the sign-in Keycloak made without a form, the one the gateway judged
		assertThat(realm.events("CODE_TO_TOKEN", session)).hasSize(2);
		Jwt idToken = idTokenOnSignOut();
		assertThat(idToken.getClaimAsString("acr")).isEqualTo("silver");
		assertThat(idToken.getClaimAsString("sid")).isEqualTo(session);
	}

	@Test
	void bearerClientWithAKeycloakTokenBelowTheLevelThen401WithTheStepUpChallenge() {
		String accessToken = realm.passwordGrant("alice", "alice-password");
		// edge-cli has no ACR to LoA mapping of its own: Keycloak's level as a number
		assertThat(keycloakTokens.decode(accessToken).getClaimAsString("acr")).isEqualTo("1");
		HttpResponse<String> response = this.browser.get(gateway.url() + "/payments/1", "Authorization",
				"Bearer " + accessToken, "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
				"Bearer error=\"insufficient_user_authentication\", error_description=\"A different authentication level is required\", acr_values=\"gold\"");
		assertThat(response.body()).contains("\"error\":\"insufficient_user_authentication\"")
			.contains("\"acr_values\":\"gold\"")
			.contains("\"route\":\"payments\"");
	}

	/**
	 * Sign out, and read the ID token the gateway held: the {@code id_token_hint} of its
	 * redirect to Keycloak's end-session endpoint, verified with Keycloak's keys.
	 */
	private Jwt idTokenOnSignOut() {
		String csrf = this.browser.cookie("XSRF-TOKEN").orElseThrow();
		HttpResponse<String> logout = this.browser.post(gateway.url() + "/logout", "", "X-XSRF-TOKEN", csrf);
		assertThat(logout.statusCode()).isEqualTo(302);
		return keycloakTokens.decode(TestBrowser.query(TestBrowser.location(logout)).get("id_token_hint"));
	}

	private static String toEchoUpstream(String routeFile) {
		return routeFile.replaceAll("uri: \\S+", "uri: " + TestServers.upstream().uri());
	}

	private void signIn(String username) {
		HttpResponse<String> page = KeycloakLoginForm.signIn(this.browser, gateway.url() + "/app/home", username,
				username + "-password");
		assertThat(page.uri().toString()).isEqualTo(gateway.url() + "/app/home");
	}

	private Echo call(String path) {
		return Echo.of(this.browser.get(gateway.url() + path, "Accept", "application/json"));
	}

}
