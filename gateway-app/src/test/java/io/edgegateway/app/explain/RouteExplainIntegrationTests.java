package io.edgegateway.app.explain;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.file.RouteFilesLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /actuator/routeexplain} on a real gateway with route files on disk and an
 * application route: a guarded route's failing access clause and credential (the JSON of
 * the example in docs/routes.md), two routes that match and the rule that decides, a
 * request nothing matches and the routes that came closest, a request without claims;
 * each explained while the upstream and the identity provider receive nothing, and the
 * explained decision is the one the gateway then makes for a real request.
 */
class RouteExplainIntegrationTests {

	private static final String FINANCE = """
			routes:
			  - id: finance-portal
			    uri: %1$s
			    predicates: [ "Path=/finance/**" ]
			    filters: [ TokenRelay ]
			  - id: finance-ledger
			    uri: %1$s
			    predicates: [ "Path=/finance/ledger/**" ]
			    filters:
			      - name: RequireClaims
			        args: { groups: [ finance ] }
			      - name: TokenExchange
			        args: { registration: idp-exchange, audience: ledger-api, scope: ledger.read }
			""";

	private static final String ORDERS = """
			routes:
			  - id: orders
			    uri: %1$s
			    predicates: [ "Path=/api/orders/**" ]
			    filters: [ TokenRelay ]
			  - id: orders-post
			    uri: %1$s
			    predicates: [ "Path=/api/orders/**", "Method=POST" ]
			    filters: [ TokenRelay ]
			""";

	private static final String REPORTS = """
			routes:
			  - id: reports
			    uri: %1$s
			    predicates: [ "Path=/reports/{year}", "Method=GET" ]
			    filters:
			      - name: StepUp
			        args: { acr: [ mfa ] }
			      - TokenRelay
			""";

	private static final String STATUS = """
			routes:
			  - id: status
			    uri: %1$s
			    predicates: [ "Path=/status/**" ]
			    metadata:
			      auth: public
			""";

	@TempDir
	static Path routes;

	private static GatewayInstance gateway;

	private final TestBrowser client = new TestBrowser();

	private int upstreamRequests;

	private int providerRequests;

	@BeforeAll
	static void start() throws Exception {
		String upstream = TestServers.upstream().uri().toString();
		Files.writeString(routes.resolve("finance.yaml"), FINANCE.formatted(upstream));
		Files.writeString(routes.resolve("orders.yaml"), ORDERS.formatted(upstream));
		Files.writeString(routes.resolve("reports.yaml"), REPORTS.formatted(upstream));
		Files.writeString(routes.resolve("status.yaml"), STATUS.formatted(upstream));
		String registration = "spring.security.oauth2.client.registration.idp-exchange.";
		gateway = GatewayInstance.start(TestServers.idp().issuer(), upstream,
				Map.ofEntries(Map.entry("edge.routes.directory", routes),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].id", "platform-api"),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].uri", upstream),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/api/**"),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].filters[0]", "TokenRelay"),
						Map.entry(registration + "provider", "idp"),
						Map.entry(registration + "client-id", "edge-gateway"),
						Map.entry(registration + "client-secret", "edge-gateway-secret"),
						Map.entry(registration + "authorization-grant-type",
								"urn:ietf:params:oauth:grant-type:token-exchange")));
		RouteFilesLocator files = gateway.context().getBean(RouteFilesLocator.class);
		assertThat(files.files()).allSatisfy((name, state) -> assertThat(state.problems()).as(name).isEmpty());
		// The provider's metadata is read in the background after start; once it is, the
		// gateway calls the provider again only for a user's request.
		TestBrowser probe = new TestBrowser();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> probe.get(gateway.managementUrl() + "/actuator/health/readiness").statusCode() == 200);
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@BeforeEach
	void countRequests() {
		this.upstreamRequests = TestServers.upstream().received();
		this.providerRequests = TestServers.idp().requests();
	}

	@AfterEach
	void upstreamAndProviderReceivedNothing() {
		assertThat(TestServers.upstream().received()).as("upstream requests").isEqualTo(this.upstreamRequests);
		assertThat(TestServers.idp().requests()).as("identity provider requests").isEqualTo(this.providerRequests);
	}

	@Test
	void theDocumentedExampleExplainsTheGuardedRoutesFailingClauseAndItsCredential() throws Exception {
		DocumentContext explained = explain(documentedRequest());
		assertThat(explained.<Map<String, Object>>read("$.decision")).containsEntry("outcome", "denied")
			.containsEntry("status", 403)
			.containsEntry("reason", "Route 'finance-ledger' requires groups: one of [finance]");
		assertThat(explained.<Map<String, Object>>read("$.route")).containsEntry("id", "finance-ledger")
			.containsEntry("source", "finance.yaml")
			.containsEntry("predicates", List.of("Path=/finance/ledger/**"));
		assertThat(explained.<List<Map<String, Object>>>read("$.beat")).containsExactly(
				Map.of("routeId", "finance-portal", "source", "finance.yaml", "rule", "longer literal path prefix"));
		assertThat(explained.<List<Object>>read("$.didNotMatch")).isEmpty();
		assertThat(explained.<List<Map<String, Object>>>read("$.access[0].conditions")).containsExactly(
				Map.of("condition", "groups: one of [finance]", "met", false, "found", "user has [staff]"));
		assertThat(explained.<Map<String, Object>>read("$.credentials[0]")).containsEntry("mode", "TOKEN_EXCHANGE")
			.containsEntry("registration", "idp-exchange")
			.containsEntry("audience", "ledger-api")
			.containsEntry("scopes", List.of("ledger.read"));
		assertThat(explained.<List<String>>read("$.filters[*].filter")).hasSize(3)
			.anySatisfy((filter) -> assertThat(filter).startsWith("[RequireClaims"))
			.anySatisfy((filter) -> assertThat(filter).isEqualTo("[IdentityHeaders]"))
			.anySatisfy((filter) -> assertThat(filter).startsWith("[TokenExchange registration = 'idp-exchange'"));
		assertThat(explained.<Map<String, Object>>read("$.identityHeaders.set")).containsEntry("X-User-Id", "alice")
			.containsEntry("X-User-Groups", "staff");
		assertThat(explained.<List<String>>read("$.user.authorities")).containsExactly("FACTOR_BEARER",
				"SCOPE_ledger.read", "SCOPE_openid");
	}

	@Test
	void twoRoutesMatchThenTheWinnerAndTheRuleThatPutItFirst() {
		DocumentContext get = explain("path", "/api/orders/7", "claims", "{ \"sub\": \"alice\" }");
		assertThat(get.<String>read("$.route.id")).isEqualTo("orders");
		assertThat(get.<List<Map<String, Object>>>read("$.beat")).containsExactly(Map.of("routeId", "platform-api",
				"source", "the gateway's own configuration", "rule", "longer literal path prefix"));
		assertThat(get.<List<Map<String, Object>>>read("$.didNotMatch")).containsExactly(
				Map.of("routeId", "finance-ledger", "source", "finance.yaml", "failed",
						List.of("Path=/finance/ledger/**")),
				Map.of("routeId", "orders-post", "source", "orders.yaml", "failed", List.of("Method=POST")));
		assertThat(get.<Map<String, Object>>read("$.decision")).containsEntry("outcome", "proxied")
			.containsEntry("status", null)
			.containsEntry("reason",
					"Proxied to " + TestServers.upstream().uri() + " with the user's own access token");

		DocumentContext post = explain("method", "POST", "path", "/api/orders", "claims", "{ \"sub\": \"alice\" }");
		assertThat(post.<String>read("$.route.id")).isEqualTo("orders-post");
		assertThat(post.<List<String>>read("$.beat[*].rule")).containsExactly("more predicates",
				"longer literal path prefix");
		assertThat(post.<List<String>>read("$.beat[*].routeId")).containsExactly("orders", "platform-api");
	}

	@Test
	void nothingMatchesThen404WithTheRoutesThatCameClosestAndWhyNot() {
		DocumentContext explained = explain("method", "DELETE", "path", "/reports/2026", "claims",
				"{ \"sub\": \"alice\" }");
		assertThat(explained.<Map<String, Object>>read("$.decision")).containsEntry("outcome", "not-found")
			.containsEntry("status", 404)
			.containsEntry("reason", "No route matches DELETE /reports/2026");
		assertThat(explained.<Object>read("$.route")).isNull();
		assertThat(explained.<List<Map<String, Object>>>read("$.closest")).hasSize(3)
			.first()
			.isEqualTo(Map.of("routeId", "reports", "source", "reports.yaml", "failed", List.of("Method=GET")));
		assertThat(explained.<List<Object>>read("$.didNotMatch")).isEmpty();
	}

	@Test
	void aStepUpRouteForASignInWithoutTheAcrThenStepUpNamingWhatTheSignInHas() {
		DocumentContext explained = explain("path", "/reports/2026", "claims",
				"{ \"sub\": \"alice\", \"acr\": \"pwd\" }");
		assertThat(explained.<String>read("$.decision.outcome")).isEqualTo("step-up");
		assertThat(explained.<Integer>read("$.decision.status")).isEqualTo(401);
		assertThat(explained.<List<Map<String, Object>>>read("$.access[0].conditions"))
			.containsExactly(Map.of("condition", "acr: one of [mfa]", "met", false, "found", "sign-in has acr pwd"));
	}

	@Test
	void withoutClaimsOrWithoutAUserIdThenSignInAndTheRouteIsStillExplained() {
		DocumentContext anonymous = explain("path", "/finance/ledger/2026");
		assertThat(anonymous.<String>read("$.decision.outcome")).isEqualTo("sign-in");
		assertThat(anonymous.<Integer>read("$.decision.status")).isEqualTo(401);
		assertThat(anonymous.<String>read("$.route.id")).isEqualTo("finance-ledger");
		assertThat(anonymous.<Object>read("$.user")).isNull();
		DocumentContext nameless = explain("path", "/finance/ledger/2026", "claims", "{ \"groups\": [ \"finance\" ] }");
		assertThat(nameless.<String>read("$.decision.reason"))
			.isEqualTo("The claims have no 'sub' (edge.identity.claims.user-id): the gateway sees no signed-in user");
	}

	@Test
	void aPublicRouteIsProxiedWithoutReadingTheUser() {
		DocumentContext explained = explain("path", "/status/health", "claims",
				"{ \"sub\": \"alice\", \"groups\": [ \"staff\" ] }");
		assertThat(explained.<Map<String, Object>>read("$.decision")).containsEntry("outcome", "proxied")
			.containsEntry("status", null)
			.containsEntry("reason", "Proxied to " + TestServers.upstream().uri()
					+ ", a public route (metadata.auth: public): no user is read");
		assertThat(explained.<Object>read("$.user")).isNull();
		assertThat(explained.<Map<String, Object>>read("$.identityHeaders.set")).containsOnlyKeys("X-Request-Id");
	}

	@Test
	void aRequestThatIsNoRequestThen400() {
		assertThat(get("path", "finance/ledger").statusCode()).isEqualTo(400);
		assertThat(get("path", "/finance", "claims", "[ \"alice\" ]").statusCode()).isEqualTo(400);
		assertThat(get("path", "/finance", "claims", "{ \"sub\": \"alice\", \"exp\": \"soon\" }").statusCode())
			.isEqualTo(400);
	}

	@Test
	void theGatewayThenDecidesAsExplained() throws Exception {
		assertThat(explain(documentedRequest()).<Integer>read("$.decision.status")).isEqualTo(403);
		String token = TestServers.idp()
			.signAccessToken(Map.of("sub", "alice", "aud", List.of("edge-gateway"), "groups", List.of("staff")),
					Instant.now(), Instant.now().plusSeconds(600));
		HttpResponse<String> real = this.client.get(gateway.url() + "/finance/ledger/2026", "Accept",
				"application/json", "Authorization", "Bearer " + token);
		assertThat(real.statusCode()).isEqualTo(403);
		assertThat(real.body()).contains("Route 'finance-ledger' requires groups: one of [finance]");
		// The real request fetched the provider's keys; only the explanation had to call
		// no one.
		countRequests();
	}

	/**
	 * The parameters of the {@code curl} example of docs/routes.md, as name and value
	 * pairs.
	 */
	private static String[] documentedRequest() throws Exception {
		String curl = DocExamples.blocks(Path.of("..", "docs", "routes.md"), "bash")
			.stream()
			.filter((block) -> block.contains("/actuator/routeexplain"))
			.findFirst()
			.orElseThrow();
		Matcher parameters = Pattern.compile("--data-urlencode '([^=]+)=([^']*)'").matcher(curl);
		List<String> pairs = new ArrayList<>();
		while (parameters.find()) {
			pairs.add(parameters.group(1));
			pairs.add(parameters.group(2));
		}
		assertThat(pairs).contains("claims");
		return pairs.toArray(String[]::new);
	}

	private DocumentContext explain(String... parameters) {
		HttpResponse<String> response = get(parameters);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private HttpResponse<String> get(String... parameters) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < parameters.length; i += 2) {
			query.append((i == 0) ? "?" : "&")
				.append(parameters[i])
				.append('=')
				.append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
		}
		return this.client.get(gateway.managementUrl() + "/actuator/routeexplain" + query);
	}

}
