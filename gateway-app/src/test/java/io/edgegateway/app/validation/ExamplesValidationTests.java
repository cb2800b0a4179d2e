package io.edgegateway.app.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.edgegateway.app.support.DocExamples.Setup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples go through the route validator. The route files the routes module ships
 * ({@code examples/*.yaml}), with a configuration that names the registrations they use
 * and nothing else. Every YAML example of the documentation ({@code docs/*.md},
 * {@code docs/providers/*.md}): each configuration example is the gateway's configuration
 * ({@code --config}) and the route examples after it, up to the next configuration
 * example, are its route files; every file must apply. A configuration example without
 * route examples must still build the gateway the validator checks against. A page shows
 * what the gateway accepts, with the registrations its own configuration examples
 * declare.
 */
class ExamplesValidationTests {

	private static final Path DOCS = Path.of("..", "docs");

	@TempDir
	Path work;

	static Stream<Setup> setups() throws IOException {
		List<Setup> setups = new ArrayList<>();
		for (Path page : pages()) {
			setups.addAll(Setup.of(page));
		}
		return setups.stream();
	}

	@Test
	void theDocumentationHasRouteExamplesWithTheirConfigurationOnEveryPageThatShowsRoutes() throws IOException {
		assertThat(setups().filter((setup) -> !setup.routeFiles().isEmpty()).map(Setup::name)).containsExactly(
				"credentials-1", "credentials-2", "credentials-3", "credentials-4", "credentials-5", "identity-1",
				"identity-2", "routes-1", "routes-3", "websockets-1", "entra-id-1", "google-1", "okta-1", "okta-2");
		assertThat(setups().mapToInt((setup) -> setup.routeFiles().size()).sum()).isEqualTo(19);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("setups")
	void everyRouteExampleWouldApplyOnTheGatewayItsPageConfigures(Setup setup) throws IOException {
		Path configuration = Files.writeString(this.work.resolve(setup.name() + ".yaml"), setup.configuration());
		if (setup.routeFiles().isEmpty()) {
			OfflineGateway.start(List.of(configuration)).close();
			return;
		}
		Path routes = this.work.resolve("routes");
		for (Map.Entry<String, String> file : setup.routeFiles().entrySet()) {
			TeamRoutes.write(routes.resolve(file.getKey()), file.getValue());
		}
		assertEveryFileApplies(routes, configuration, setup.routeFiles().size());
	}

	@Test
	void everyShippedRouteExampleWouldApplyWithTheRegistrationsItNames() throws IOException {
		Path configuration = Files.writeString(this.work.resolve("registrations.yaml"), """
				spring.security.oauth2.client.registration:
				  idp-exchange.authorization-grant-type: urn:ietf:params:oauth:grant-type:token-exchange
				  gateway-sa.authorization-grant-type: client_credentials
				  entra-obo.authorization-grant-type: urn:ietf:params:oauth:grant-type:jwt-bearer
				  reports-sa.authorization-grant-type: client_credentials
				edge.credentials.service-accounts.workspace.key-file: /etc/edge-gateway/keys/workspace.json
				""");
		Path routes = this.work.resolve("routes");
		Resource[] examples = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.yaml");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
		for (Resource example : examples) {
			TeamRoutes.write(routes.resolve(example.getFilename()), example.getContentAsString(StandardCharsets.UTF_8));
		}
		assertEveryFileApplies(routes, configuration, examples.length);
	}

	private static void assertEveryFileApplies(Path routes, Path configuration, int files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = RouteValidationCommand.run(
				new String[] { "--validate", routes.toString(), "--config", configuration.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(report).isZero();
		assertThat(report).contains(files + " route files: " + files + " OK");
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		for (Path directory : List.of(DOCS, DOCS.resolve("providers"))) {
			try (Stream<Path> files = Files.list(directory)) {
				files.filter((file) -> file.getFileName().toString().endsWith(".md"))
					.filter((file) -> !file.getFileName().toString().equals("keycloak.md"))
					.sorted()
					.forEach(pages::add);
			}
		}
		return pages;
	}

}
