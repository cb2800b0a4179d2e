package io.edgegateway.app.routes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.edgegateway.app.EdgeGatewayApplication;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline validator, as a team's CI runs it: the gateway's configuration, the same
 * rules and messages, an exit code; and the rejected example of {@code docs/routes.md}
 * says what the page shows.
 */
class RouteValidationCommandTests {

	@TempDir
	Path routes;

	@Test
	void validateWhenAFileIsBrokenThenExitsOneNamingFileRouteAndFilterAndPassesTheGoodOnes() throws Exception {
		Files.writeString(this.routes.resolve("team-a.yaml"), """
				routes:
				  - id: team-a
				    uri: http://team-a.internal
				    predicates: [ "Path=/team-a/**" ]
				    filters: [ TokenRelay ]
				""");
		Files.writeString(this.routes.resolve("team-b.yaml"), """
				routes:
				  - id: team-b
				    uri: http://team-b.internal
				    predicates: [ "Path=/team-b/**" ]
				    filters: [ "TokenExchange=no-such-registration, orders-api" ]
				  - id: team-a
				    uri: http://team-b.internal
				    predicates: [ "Path=/b/**" ]
				""");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit = RouteValidationCommand.validate(EdgeGatewayApplication.class, this.routes,
				new PrintStream(output, true, StandardCharsets.UTF_8), gatewayArgs());
		String report = output.toString(StandardCharsets.UTF_8);
		assertThat(exit).isEqualTo(1);
		assertThat(report).contains("OK       team-a.yaml [team-a]")
			.contains("REJECTED team-b.yaml")
			.contains(
					"team-b.yaml:2: route 'team-b': filter TokenExchange: registration: 'no-such-registration' is not a "
							+ "configured client registration")
			.contains("team-b.yaml:6: route 'team-a': id: already declared in team-a.yaml");
	}

	@Test
	void validateWhenUriHasNoSchemeOrPredicateIsUnknownThenSaysBothWithTheirLines() throws Exception {
		Files.writeString(this.routes.resolve("team-c.yaml"), """
				routes:
				  - id: no-scheme
				    uri: team-c.internal
				    predicates: [ "Path=/c/**" ]
				  - id: typo
				    uri: http://team-c.internal
				    predicates: [ "Pth=/typo/**" ]
				""");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThat(RouteValidationCommand.validate(EdgeGatewayApplication.class, this.routes,
				new PrintStream(output, true, StandardCharsets.UTF_8), gatewayArgs()))
			.isEqualTo(1);
		assertThat(output.toString(StandardCharsets.UTF_8))
			.contains("team-c.yaml:3: route 'no-scheme': uri: 'team-c.internal' needs a scheme (http, https, lb, ...)")
			.contains("team-c.yaml:5: route 'typo': predicates: unknown predicate 'Pth'; known: [");
	}

	@Test
	void validateWhenEveryFileAppliesThenExitsZero() throws Exception {
		Files.writeString(this.routes.resolve("team-a.yaml"), """
				routes:
				  - id: team-a
				    uri: http://team-a.internal
				    predicates: [ "Path=/team-a/**" ]
				    filters: [ TokenRelay ]
				""");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThat(RouteValidationCommand.validate(EdgeGatewayApplication.class, this.routes,
				new PrintStream(output, true, StandardCharsets.UTF_8), gatewayArgs()))
			.isEqualTo(0);
	}

	@Test
	void validateWhenCredentialRequiredThenARouteWithoutOneIsRejected() throws Exception {
		Files.writeString(this.routes.resolve("team-a.yaml"), """
				routes:
				  - id: open
				    uri: http://team-a.internal
				    predicates: [ "Path=/open/**" ]
				""");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		String[] args = Stream.concat(Arrays.stream(gatewayArgs()), Stream.of("--edge.routes.require-credential=true"))
			.toArray(String[]::new);
		assertThat(RouteValidationCommand.validate(EdgeGatewayApplication.class, this.routes,
				new PrintStream(output, true, StandardCharsets.UTF_8), args))
			.isEqualTo(1);
		assertThat(output.toString(StandardCharsets.UTF_8))
			.contains("team-a.yaml:2: route 'open': filters: a credential filter is required (one of "
					+ "[DelegatedServiceAccount, OnBehalfOf, ServiceAccount, TokenExchange, TokenRelay])");
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
		Files.writeString(this.routes.resolve("team-a.yaml"), example);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThat(RouteValidationCommand.validate(EdgeGatewayApplication.class, this.routes,
				new PrintStream(output, true, StandardCharsets.UTF_8), gatewayArgs()))
			.isEqualTo(1);
		List<String> reported = output.toString(StandardCharsets.UTF_8)
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

	private static String[] gatewayArgs() {
		return new String[] { "--spring.profiles.active=demo", "--edge.demo.idp=" + TestServers.idp().issuer(),
				"--edge.demo.upstream=" + TestServers.upstream().uri() };
	}

}
