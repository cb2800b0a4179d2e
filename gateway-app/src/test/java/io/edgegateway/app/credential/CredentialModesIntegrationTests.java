package io.edgegateway.app.credential;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.idp.DemoIdentityProvider;
import io.edgegateway.routes.RouteDefinitionValidator;
import io.edgegateway.routes.file.RouteFileParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every credential mode end to end: browser → gateway → the real authorization server →
 * echo upstream, asserting on the token the upstream actually received, verified against
 * the server's JWKS. The server checks the requests as the providers they stand for would
 * (RFC 8693 exchange, Entra On-Behalf-Of, Google domain-wide delegation, client
 * authentication with secrets and private_key_jwt).
 */
class CredentialModesIntegrationTests {

	@TempDir
	static Path keys;

	private static CredentialsFixture fixture;

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	private static NimbusJwtDecoder idpTokens;

	private static Path clientKeyFile;

	private static String clientKeyPem;

	private final TestBrowser browser = new TestBrowser();

	private final AuditEvents audit = new AuditEvents();

	@BeforeAll
	static void start() {
		fixture = CredentialsFixture.start(keys);
		idp = fixture.idp();
		// Every request mints here, so each one shows what the provider answers; caching
		// has its own tests.
		gateway = fixture.startGateway(Map.of("edge.token-cache.enabled", false));
		idpTokens = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
		clientKeyFile = fixture.clientKeyFile();
		clientKeyPem = fixture.clientKeyPem();
	}

	@AfterAll
	static void stop() {
		gateway.close();
		fixture.close();
	}

	@BeforeEach
	void signIn() {
		this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
		this.audit.start();
	}

	@AfterEach
	void resetFaults() {
		this.audit.stop();
		idp.tokenEndpointFailure(0);
		idp.tokenEndpointDelay(Duration.ZERO);
	}

	@Test
	void tokenExchangeThenUpstreamReceivesATokenForItsAudienceOnBehalfOfTheUser() {
		Echo echo = call("/exchange/orders");
		Jwt token = idpTokens.decode(echo.bearerToken());
		assertThat(token.getAudience()).contains("orders-api");
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsString("tenant")).isEqualTo("t1");
		assertThat(token.hasClaim("act")).isFalse();
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
	}

	@Test
	void tokenExchangeWithActorThenTokenSaysTheGatewayActsForTheUser() {
		Jwt token = idpTokens.decode(call("/exchange-actor/orders").bearerToken());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsMap("act")).containsEntry("sub", "edge-gateway");
	}

	/**
	 * Spring Authorization Server does not take ID tokens as subject tokens; its refusal
	 * proves the gateway sent the user's ID token with
	 * {@code subject_token_type=urn:ietf:params:oauth:token-type:id_token}.
	 */
	@Test
	void tokenExchangeOfTheIdTokenThenSentAsIdTokenAndTheServersRefusalIsA403() {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/exchange-id-token/orders", "Accept",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"error\":\"unsupported_token_type\"")
			.contains("\"route\":\"orders-exchange-id-token\"");
	}

	@Test
	void onBehalfOfThenUpstreamReceivesTheEntraStyleToken() {
		Jwt token = idpTokens.decode(call("/obo/orders").bearerToken());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getAudience()).containsExactly("api://orders");
		assertThat(token.getClaimAsString("scp")).isEqualTo("api://orders/.default");
		assertThat(token.getClaimAsString("azp")).isEqualTo("edge-gateway");
	}

	@Test
	void onBehalfOfWithCertificateThenTheProviderVerifiedTheGatewaysClientAssertion() {
		Jwt token = idpTokens.decode(call("/obo-cert/orders").bearerToken());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsString("azp")).isEqualTo("edge-gateway");
	}

	@Test
	void clientKeyFileReplacedThenTheNextRequestSignsWithTheNewKeyWithoutRestart() throws Exception {
		assertThat(call("/reports-jwt/q1").header("X-User-Id")).containsExactly("alice");
		try {
			TestKeys.generate("reports-sa-jwt-1").writePem(clientKeyFile);
			Files.setLastModifiedTime(clientKeyFile, FileTime.from(Instant.now().plusSeconds(60)));
			HttpResponse<String> rotatedToUnknownKey = this.browser.get(gateway.url() + "/reports-jwt/q1", "Accept",
					"application/json");
			assertThat(rotatedToUnknownKey.statusCode()).isEqualTo(403);
			assertThat(rotatedToUnknownKey.body()).contains("\"error\":\"invalid_client\"");
		}
		finally {
			Files.writeString(clientKeyFile, clientKeyPem);
			Files.setLastModifiedTime(clientKeyFile, FileTime.from(Instant.now().plusSeconds(120)));
		}
		assertThat(call("/reports-jwt/q1").header("X-User-Id")).containsExactly("alice");
	}

	@Test
	void domainWideDelegationThenUpstreamReceivesTheServiceAccountsTokenForTheUser() {
		Jwt token = idpTokens.decode(call("/drive/files").bearerToken());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsString("email")).isEqualTo("alice@example.com");
		assertThat(token.getClaimAsString("azp")).isEqualTo(CredentialsFixture.SERVICE_ACCOUNT_EMAIL);
		assertThat(token.getClaimAsString("scope")).isEqualTo("https://www.googleapis.com/auth/drive.readonly");
	}

	@Test
	void serviceAccountWithEachClientAuthenticationThenUpstreamSeesTheGatewayAndTheUserInHeaders() {
		for (String[] route : List.of(new String[] { "/reports/q1", "reports-sa" },
				new String[] { "/reports-post/q1", "reports-sa-post" },
				new String[] { "/reports-jwt/q1", "reports-sa-jwt" })) {
			Echo echo = call(route[0]);
			Jwt token = idpTokens.decode(echo.bearerToken());
			assertThat(token.getClaimAsString("azp")).as(route[0]).isEqualTo(route[1]);
			assertThat(token.getSubject()).isEqualTo(route[1]);
			assertThat(token.getClaimAsStringList("scope")).containsExactly("reports.read");
			assertThat(echo.header("X-User-Id")).containsExactly("alice");
			assertThat(echo.header("X-Tenant-Id")).containsExactly("t1");
			assertThat(echo.header("X-Request-Id")).hasSize(1);
		}
		assertThat(this.audit.forRoute("reports-jwt", 1)).singleElement().satisfies((event) -> {
			assertThat(event).containsEntry("user_id", "alice")
				.containsEntry("tenant", "t1")
				.containsEntry("credential_mode", "SERVICE_ACCOUNT")
				.containsEntry("registration", "reports-sa-jwt")
				.containsEntry("upstream_status", 200)
				.containsEntry("outcome", "allowed");
			assertThat((String) event.get("token_fingerprint")).matches("sha256:[0-9a-f]{16}");
		});
	}

	@Test
	void accessRuleNotMetThen403NamingRouteAndRuleAndNothingMintedOrProxied() {
		int mintsBefore = idp.tokenRequests();
		HttpResponse<String> response = this.browser.get(gateway.url() + "/finance/ledger", "Accept",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"route\":\"finance\"")
			.contains("\"rule\":\"groups: one of [finance]\"")
			.doesNotContain("\"method\"");
		assertThat(idp.tokenRequests()).isEqualTo(mintsBefore);
		assertThat(this.audit.forRoute("finance", 1)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("route_id", "finance")
				.containsEntry("outcome", "denied")
				.containsEntry("error", "groups: one of [finance]"));
	}

	@Test
	void providerRefusesTheScopeThen403NamingRouteErrorCodeAndTheProvidersDescriptionNeverATokenOfIt() {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/payroll/run", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"route\":\"payroll-obo\"")
			.contains("\"error\":\"invalid_scope\"")
			.contains("refused the credential: invalid_scope (The scope ")
			.contains("is not an api://<name>/.default scope of a known API")
			.doesNotContain("eyJ");
		assertThat(this.audit.forRoute("payroll-obo", 1)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("outcome", "token_error")
				.containsEntry("error", "invalid_scope")
				.containsEntry("credential_mode", "ON_BEHALF_OF"));
	}

	@Test
	void usersTokenRevokedAtTheProviderThenTheExchangeEndsTheSessionWith401NeverA403() throws Exception {
		String usersToken = call("/profile").bearerToken();
		String credentials = Base64.getEncoder()
			.encodeToString("edge-gateway:edge-gateway-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> revoked = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(idp.issuer() + "/oauth2/revoke"))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=" + usersToken + "&token_type_hint=access_token"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(revoked.statusCode()).isEqualTo(200);

		HttpResponse<String> exchange = this.browser.get(gateway.url() + "/exchange/orders", "Accept",
				"application/json");
		assertThat(exchange.statusCode()).isEqualTo(401);
		assertThat(exchange.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"edge-gateway\"");
		assertThat(exchange.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(exchange.body()).contains("\"login\":\"/auth/login\"").doesNotContain("eyJ");
		assertThat(this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
			.isEqualTo(401);
	}

	@Test
	void providerAsksForMultiFactorWithAClaimsChallengeThenTheSessionEndsAndTheNextSignInSatisfiesIt() {
		// Entra ID's answer: interaction_required with a claims challenge the next
		// sign-in
		// must carry to the authorization endpoint.
		HttpResponse<String> response = this.browser.get(gateway.url() + "/ledger/2026", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"edge-gateway\"");
		String claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"mfa\"}}}";
		assertThat(response.body()).doesNotContain("eyJ");
		String login = new JsonMapper().readTree(response.body()).get("login").asString();
		assertThat(login).startsWith("/auth/login?");
		assertThat(TestBrowser.query(URI.create(login))).containsExactly(entry("prompt", "login"),
				entry("claims", claims));
		assertThat(this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
			.isEqualTo(401);
		HttpResponse<String> toProvider = this.browser.navigate(gateway.url() + login);
		HttpResponse<String> authorize = this.browser.navigate(TestBrowser.location(toProvider).toString());
		assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("prompt", "login")
			.containsEntry("claims", claims);
		this.browser.submitLogin(this.browser.follow(authorize), "alice", "alice-password");
		Jwt token = idpTokens.decode(call("/ledger/2026").bearerToken());
		assertThat(token.getClaimAsString("scp")).isEqualTo("api://finance/.default");
	}

	@Test
	void providerAnswersGarbageThen503WithRetryAfter() {
		idp.tokenEndpointFailure(502);
		HttpResponse<String> response = this.browser.get(gateway.url() + "/reports/q1", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("\"route\":\"reports\"").doesNotContain("oops");
	}

	@Test
	void providerTooSlowThen503WithinTheTimeout() {
		idp.tokenEndpointDelay(Duration.ofSeconds(4));
		long start = System.nanoTime();
		HttpResponse<String> response = this.browser.get(gateway.url() + "/reports-post/q1", "Accept",
				"application/json");
		long elapsedMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"route\":\"reports-post\"");
		assertThat(elapsedMs).isLessThan(3_900);
	}

	@Test
	void everyRouteExampleInCredentialsDocsBuildsOnThisGateway() throws Exception {
		RouteDefinitionValidator validator = gateway.context().getBean(RouteDefinitionValidator.class);
		List<RouteDefinition> examples = DocExamples.routes(Path.of("..", "docs", "credentials.md"),
				TestServers.upstream().uri());
		assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
		for (RouteDefinition example : examples) {
			assertThat(validator.validate(example, List.of())).as(example.toString()).isEmpty();
		}
		assertThat(examples).flatExtracting(RouteDefinition::getFilters)
			.extracting(FilterDefinition::getName)
			.contains("TokenRelay", "TokenExchange", "OnBehalfOf", "DelegatedServiceAccount", "ServiceAccount",
					"RequireClaims");
	}

	@Test
	void everyRouteExampleInRoutesDocsBuildsOnThisGateway() throws Exception {
		RouteDefinitionValidator validator = gateway.context().getBean(RouteDefinitionValidator.class);
		List<FilterDefinition> defaultFilters = gateway.context().getBean(GatewayProperties.class).getDefaultFilters();
		List<RouteDefinition> examples = DocExamples.routes(Path.of("..", "docs", "routes.md"),
				TestServers.upstream().uri());
		for (RouteDefinition example : examples) {
			assertThat(validator.validate(example, defaultFilters)).as(example.getId()).isEmpty();
		}
		assertThat(examples).extracting(RouteDefinition::getMetadata)
			.anySatisfy((metadata) -> assertThat(metadata).containsEntry("auth", "public"))
			.anySatisfy((metadata) -> assertThat(metadata).containsKey("cors"));
		assertThat(examples.stream()
			.map((example) -> example.getMetadata().get("cors"))
			.filter(Map.class::isInstance)
			.flatMap((cors) -> ((Map<?, ?>) cors).keySet().stream())
			.map(String::valueOf)
			.distinct()).containsExactlyInAnyOrder("allowedOrigins", "allowedOriginPatterns", "allowedMethods",
					"allowedHeaders", "exposedHeaders", "allowCredentials", "maxAge");
	}

	@Test
	void everyShippedRouteExampleBuildsOnThisGateway() throws Exception {
		RouteDefinitionValidator validator = gateway.context().getBean(RouteDefinitionValidator.class);
		Resource[] examples = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.yaml");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
		for (Resource example : examples) {
			String text = example.getContentAsString(StandardCharsets.UTF_8);
			RouteFileParser.Parsed parsed = new RouteFileParser().parse(example.getFilename(), text);
			assertThat(parsed.problems()).as(example.getFilename()).isEmpty();
			for (RouteDefinition route : parsed.routes()) {
				assertThat(validator.validate(route, List.of())).as(example.getFilename()).isEmpty();
			}
		}
	}

	private Echo call(String path) {
		return Echo.of(this.browser.get(gateway.url() + path, "Accept", "application/json"));
	}

}
