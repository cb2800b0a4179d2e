package io.edgegateway.app.validation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.RecordingPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline validator as a team's CI runs it, in this process: a configuration naming
 * registrations, keys and teams, its provider and Redis at a port that records every
 * connection, none of its secrets set; the same rules and messages as the gateway; exit
 * codes 0, 1 and 2. {@code RouteValidationJarTests} runs the built jar.
 */
class RouteValidationCommandTests {

	private static RecordingPort network;

	@TempDir
	Path work;

	private Path routes;

	private Path configuration;

	@BeforeAll
	static void openNetwork() {
		network = RecordingPort.open();
	}

	@AfterAll
	static void closeNetwork() {
		network.close();
	}

	@BeforeEach
	void writeConfiguration() {
		this.routes = this.work.resolve("routes");
		this.configuration = TeamRoutes.write(this.work.resolve("gateway.yaml"),
				TeamRoutes.gatewayConfiguration(network));
		TeamRoutes.write(this.routes.resolve("orders.yaml"), TeamRoutes.ORDERS);
		TeamRoutes.write(this.routes.resolve("shop/web.yaml"), TeamRoutes.SHOP_WEB);
	}

	@Test
	void validateWhenEveryFileWouldApplyThenExitsZeroWithoutCallingAnyoneOrNeedingSecretsOrKeyFiles() {
		Run run = run("--validate", this.routes.toString(), "--config", this.configuration.toString());
		assertThat(run.exit()).isEqualTo(0);
		assertThat(run.out()).isEqualTo("""
				OK       orders.yaml [orders, orders-reports]
				OK       shop/web.yaml [shop]
				2 route files: 2 OK, 0 rejected
				""");
		assertThat(run.err()).isEmpty();
		assertThat(network.connections()).as("connections to the provider's and Redis's port").isZero();
	}

	@Test
	void validateWhenAFileWouldBeRejectedThenExitsOneNamingFileLineRouteAndWhatIsWrong() {
		TeamRoutes.write(this.routes.resolve("shop/broken.yaml"), TeamRoutes.SHOP_BROKEN);
		Run run = run("--validate", this.routes.toString(), "--config", this.configuration.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).isEqualTo("""
				OK       orders.yaml [orders, orders-reports]
				REJECTED shop/broken.yaml
				  - shop/broken.yaml:2: route 'shop-admin': filter TokenExchange: registration: 'idp' has \
				authorization-grant-type authorization_code, TOKEN_EXCHANGE needs \
				urn:ietf:params:oauth:grant-type:token-exchange
				  - shop/broken.yaml:8: route 'shop-orders': predicates: Path '/api/orders/list/**' is outside \
				team 'shop''s paths [/shop]
				  - shop/broken.yaml:8: route 'shop-orders': claims requests that route 'orders' in orders.yaml \
				also claims; routes of different teams never overlap
				OK       shop/web.yaml [shop]
				3 route files: 2 OK, 1 rejected
				""");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void validateWhenFormatJsonThenWritesOneDocumentWithEveryFileProblemAndSummary() {
		TeamRoutes.write(this.routes.resolve("shop/broken.yaml"), TeamRoutes.SHOP_BROKEN);
		Run run = run("--format", "json", "--config", this.configuration.toString(), "--validate",
				this.routes.toString());
		assertThat(run.exit()).isEqualTo(1);
		JsonNode report = JsonMapper.builder().build().readTree(run.out());
		assertThat(report.path("directory").asString()).isEqualTo(this.routes.toString());
		assertThat(report.path("files")).hasSize(3);
		JsonNode orders = report.path("files").get(0);
		assertThat(orders.path("file").asString()).isEqualTo("orders.yaml");
		assertThat(orders.path("path").asString()).isEqualTo(this.routes.resolve("orders.yaml").toString());
		assertThat(orders.path("state").asString()).isEqualTo("ok");
		assertThat(orders.path("routes").toString()).isEqualTo("[\"orders\",\"orders-reports\"]");
		assertThat(orders.path("problems")).isEmpty();
		JsonNode broken = report.path("files").get(1);
		assertThat(broken.path("file").asString()).isEqualTo("shop/broken.yaml");
		assertThat(broken.path("state").asString()).isEqualTo("rejected");
		assertThat(broken.path("problems")).hasSize(3);
		JsonNode grantType = broken.path("problems").get(0);
		assertThat(grantType.path("file").asString()).isEqualTo("shop/broken.yaml");
		assertThat(grantType.path("line").asInt()).isEqualTo(2);
		assertThat(grantType.path("route").asString()).isEqualTo("shop-admin");
		assertThat(grantType.path("message").asString())
			.startsWith("shop/broken.yaml:2: route 'shop-admin': filter TokenExchange: registration: 'idp' has "
					+ "authorization-grant-type authorization_code");
		assertThat(broken.path("problems").get(1).path("line").asInt()).isEqualTo(8);
		assertThat(report.path("summary").toString()).isEqualTo("{\"files\":3,\"ok\":2,\"rejected\":1,\"problems\":3}");
	}

	@Test
	void explainThenTheRoutingDecisionOverTheRoutesThatWouldServeWithoutCallingAnyone() {
		TeamRoutes.write(this.routes.resolve("shop/broken.yaml"), TeamRoutes.SHOP_BROKEN);
		Run run = run("--validate", this.routes.toString(), "--config", this.configuration.toString(), "--format",
				"json", "--explain", """
						{ "path": "/api/orders/reports/q1", "claims": { "sub": "alice", "scope": "reports.read" } }""");
		assertThat(run.exit()).as(run.err()).isEqualTo(1);
		JsonNode explanation = JsonMapper.builder().build().readTree(run.out()).path("explanation");
		assertThat(explanation.path("route").path("id").asString()).isEqualTo("orders-reports");
		assertThat(explanation.path("beat").toString())
			.isEqualTo("[{\"routeId\":\"orders\",\"source\":\"orders.yaml\",\"rule\":\"longer literal path prefix\"}]");
		assertThat(explanation.path("credentials").get(0).path("mode").asString()).isEqualTo("SERVICE_ACCOUNT");
		assertThat(explanation.path("credentials").get(0).path("registration").asString()).isEqualTo("reports-sa");
		assertThat(explanation.path("decision").path("outcome").asString()).isEqualTo("proxied");
		assertThat(network.connections()).as("connections to the provider's and Redis's port").isZero();

		Run rejectedFile = run("--validate", this.routes.toString(), "--config", this.configuration.toString(),
				"--explain", "{ \"host\": \"shop.example.com\", \"path\": \"/api/orders/list/7\" }");
		assertThat(rejectedFile.out()).as("a rejected file's routes never serve")
			.contains("Explained over the routes that would serve: No claims: every proxied request needs a signed-in "
					+ "user")
			.contains("\"id\" : \"orders\"")
			.doesNotContain("\"id\" : \"shop-orders\"");
	}

	@Test
	void validateWhenAFileIsNotYamlOrHasARouteWithoutIdThenTheProblemHasItsLine() {
		TeamRoutes.write(this.routes.resolve("shop/web.yaml"), """
				routes:
				  - id: shop
				    uri: http://shop.internal
				    predicates: [ "Host=shop.example.com", "Path=/shop/**"
				""");
		TeamRoutes.write(this.routes.resolve("orders.yaml"), TeamRoutes.ORDERS + """
				  - uri: http://orders-v2.internal
				    predicates: [ "Path=/api/orders/v2/**" ]
				""");
		Run run = run("--validate", this.routes.toString(), "--config", this.configuration.toString(), "--format",
				"json");
		assertThat(run.exit()).isEqualTo(1);
		JsonNode files = JsonMapper.builder().build().readTree(run.out()).path("files");
		JsonNode withoutId = files.get(0).path("problems").get(0);
		assertThat(withoutId.path("message").asString()).isEqualTo("orders.yaml:14: routes[2]: 'id' is required");
		assertThat(withoutId.path("line").asInt()).isEqualTo(14);
		assertThat(withoutId.has("route")).isFalse();
		JsonNode notYaml = files.get(1).path("problems").get(0);
		assertThat(notYaml.path("message").asString()).startsWith("shop/web.yaml:5: not valid YAML: ");
		assertThat(notYaml.path("line").asInt()).isEqualTo(5);
	}

	@Test
	void validateWhenTheConfigurationsPlaceholdersAreSetNowhereThenTheyStayAsTheyAre() {
		Path unset = TeamRoutes.write(this.work.resolve("unset.yaml"),
				"""
						spring:
						  data:
						    redis:
						      url: ${REDIS_URL}
						  security:
						    oauth2:
						      client:
						        registration:
						          idp-exchange:
						            client-id: ${EXCHANGE_CLIENT_ID}
						            authorization-grant-type: ${EXCHANGE_GRANT_TYPE:urn:ietf:params:oauth:grant-type:token-exchange}
						""");
		Run run = run("--validate", this.routes.toString(), "--config", this.configuration.toString(), "--config",
				unset.toString());
		assertThat(run.exit()).as(run.err()).isEqualTo(0);
		assertThat(network.connections()).isZero();
	}

	@Test
	void validateWhenNoConfigThenTheJarsDefaultsAloneHaveNoRegistrationAndNoTeams() {
		Run run = run("--validate", this.routes.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).contains("OK       shop/web.yaml [shop]")
			.contains("  - orders.yaml:2: route 'orders': filter TokenExchange: registration: 'idp-exchange' is not "
					+ "a configured client registration (spring.security.oauth2.client.registration.idp-exchange); "
					+ "configured: []");
	}

	@Test
	void validateWhenSeveralConfigFilesThenLaterOnesOverrideEarlierOnes() {
		Path stricter = TeamRoutes.write(this.work.resolve("stricter.yaml"), """
				edge:
				  routes:
				    require-credential: true
				""");
		TeamRoutes.write(this.routes.resolve("shop/open.yaml"), """
				routes:
				  - id: shop-open
				    uri: http://shop.internal
				    predicates: [ "Host=shop.example.com", "Path=/shop/open/**" ]
				""");
		Run run = run("--validate=" + this.routes, "--config=" + this.configuration, "--config=" + stricter);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).contains("  - shop/open.yaml:2: route 'shop-open': filters: a credential filter is "
				+ "required (one of [DelegatedServiceAccount, OnBehalfOf, ServiceAccount, TokenExchange, TokenRelay])");
	}

	@Test
	void validateWhenARouteWouldHideBehindAnApplicationRouteOrUnknownNamesThenSaysSo() {
		TeamRoutes.write(this.routes.resolve("orders.yaml"), """
				routes:
				  - id: orders-portal
				    uri: http://orders.internal
				    predicates: [ "Pth=/api/orders/**" ]
				    filters: [ TokenRelai ]
				  - id: platform-portal
				    uri: http://orders.internal
				    predicates: [ "Path=/api/orders/portal/**" ]
				    filters: [ TokenRelay ]
				""");
		Run run = run("--validate", this.routes.toString(), "--config", this.configuration.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out())
			.contains("  - orders.yaml:2: route 'orders-portal': predicates: unknown predicate 'Pth'; known: [")
			.contains("  - orders.yaml:2: route 'orders-portal': filters: unknown filter 'TokenRelai'; known: [")
			.contains("  - orders.yaml:6: route 'platform-portal': id: already declared in the gateway's own "
					+ "configuration");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cannotRun")
	void validateWhenItCannotRunThenExitsTwoWithOneLineOnStandardErrorAndNothingOnStandardOutput(String why,
			String[] args, String reason) {
		String[] resolved = Stream.of(args)
			.map((arg) -> arg.replace("{work}", this.work.toString()))
			.toArray(String[]::new);
		TeamRoutes.write(this.work.resolve("empty/README.md"), "No route files here.");
		TeamRoutes.write(this.work.resolve("not-yaml.yaml"), "edge:\n  routes: [\n");
		TeamRoutes.write(this.work.resolve("bad-grant.yaml"), """
				edge:
				  routes:
				    teams:
				      shop:
				        files: [ shop/ ]
				        paths: [ "/shop/{page}" ]
				""");
		TeamRoutes.write(this.work.resolve("bad-duration.yaml"), "edge:\n  credentials:\n    timeout: soon\n");
		TeamRoutes.write(this.work.resolve("bad-application-route.yaml"), """
				spring.cloud.gateway.server.webflux.routes:
				  - id: platform-broken
				    uri: http://portal.internal
				    predicates: [ "Path=/broken/**" ]
				    filters: [ "TokenExchange=nobody, portal" ]
				""");
		Run run = run(resolved);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).startsWith("edge-gateway --validate: ")
			.contains(reason.replace("{work}", this.work.toString()))
			.endsWith("\n")
			.hasLineCount(1);
	}

	static Stream<Arguments> cannotRun() {
		return Stream.of(
				Arguments.of("a directory without route files", new String[] { "--validate", "{work}/empty" },
						"{work}/empty: no route files (*.yaml, *.yml, in it or one subdirectory down); nothing to "
								+ "validate"),
				Arguments.of("no such directory", new String[] { "--validate", "{work}/nowhere" },
						"{work}/nowhere: not a directory"),
				Arguments.of("no such configuration",
						new String[] { "--validate", "{work}/routes", "--config", "{work}/nowhere.yaml" },
						"--config {work}/nowhere.yaml: not a readable file"),
				Arguments.of("a configuration that is not YAML",
						new String[] { "--validate", "{work}/routes", "--config", "{work}/not-yaml.yaml" },
						"--config {work}/not-yaml.yaml: not valid YAML: "),
				Arguments.of("a team grant with a wildcard",
						new String[] { "--validate", "{work}/routes", "--config", "{work}/bad-grant.yaml" },
						"the gateway's configuration is invalid: Invalid route file grants: - "
								+ "edge.routes.teams.shop.paths: '/shop/{page}' must be a path prefix"),
				Arguments.of("a property that does not bind",
						new String[] { "--validate", "{work}/routes", "--config", "{work}/bad-duration.yaml" },
						"the gateway's configuration is invalid: edge.credentials.timeout (URL "
								+ "[file:{work}/bad-duration.yaml] - 3:14): 'soon' is not a valid duration"),
				Arguments.of("an invalid route of the application's own",
						new String[] { "--validate", "{work}/routes", "--config", "{work}/bad-application-route.yaml" },
						"the gateway's configuration is invalid: Invalid routes: - route 'platform-broken': filter "
								+ "TokenExchange: registration: 'nobody' is not a configured client registration"),
				Arguments.of("no directory", new String[] { "--config", "{work}/gateway.yaml" },
						"--validate <route-directory> is required; usage: "),
				Arguments.of("an option without its value", new String[] { "--validate", "{work}/routes", "--config" },
						"--config needs a value; usage: "),
				Arguments.of("an unknown option", new String[] { "--validate", "{work}/routes", "--fromat", "json" },
						"unknown argument '--fromat'; usage: --validate <route-directory> [--config "
								+ "<gateway-config.yaml>]... [--format text|json]"),
				Arguments.of("an unknown format", new String[] { "--validate", "{work}/routes", "--format", "xml" },
						"--format: 'xml' is not one of text, json"),
				Arguments.of("an --explain that is no JSON object",
						new String[] { "--validate", "{work}/routes", "--explain", "GET /api/orders" },
						"--explain: not a JSON object: "),
				Arguments.of("an --explain without a path",
						new String[] { "--validate", "{work}/routes", "--explain", "{ \"method\": \"GET\" }" },
						"--explain: path is required"),
				Arguments.of("two directories",
						new String[] { "--validate", "{work}/routes", "--validate", "{work}/empty" },
						"--validate is given twice: one route directory per run"));
	}

	@Test
	void validateWhenTheRoutesPagesRejectedExampleIsCheckedThenPrintsTheProblemsThePageShows() throws Exception {
		Path page = Path.of("..", "docs", "routes.md");
		String example = DocExamples.yamlBlocks(page)
			.stream()
			.filter((yaml) -> yaml.contains("url:"))
			.findFirst()
			.orElseThrow();
		Matcher shown = Pattern.compile("is rejected with\n\n```\n(.*?)```", Pattern.DOTALL)
			.matcher(Files.readString(page));
		assertThat(shown.find()).as("the problems docs/routes.md shows for its example").isTrue();
		List<String> expected = shown.group(1)
			.lines()
			.filter((line) -> line.startsWith(" - "))
			.map((line) -> line.substring(3))
			.toList();
		Path teamA = this.work.resolve("team-a");
		TeamRoutes.write(teamA.resolve("team-a.yaml"), example);
		Run run = run("--validate", teamA.toString());
		assertThat(run.exit()).isEqualTo(1);
		List<String> reported = run.out()
			.lines()
			.filter((line) -> line.startsWith("  - "))
			.map((line) -> line.substring(4))
			.toList();
		assertThat(reported).hasSameSizeAs(expected).hasSizeGreaterThanOrEqualTo(4);
		for (int i = 0; i < expected.size(); i++) {
			// the page leaves out the list of known filters: "known: [...]"
			assertThat(reported.get(i)).startsWith(expected.get(i).replace("[...]", "["));
		}
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = RouteValidationCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exit, String out, String err) {
	}

}
