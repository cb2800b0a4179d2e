package io.edgegateway.app.docs;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.edgegateway.app.support.DocExamples.Setup;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.idp.DemoIdentityProvider;
import io.edgegateway.routes.file.RouteFileParser;
import io.edgegateway.routes.file.RouteFilesLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every YAML example of the provider pages ({@code docs/providers/*.md}; Keycloak's page
 * has its own suite, against a real Keycloak, in {@code keycloak-tests}) configures a
 * real gateway. A page's configuration block, with test values for its {@code ${...}}
 * placeholders and generated keys in place of the key files it names, becomes the
 * gateway's configuration ({@code spring.config.import}); each {@code routes:} block that
 * follows it becomes a file in the gateway's route directory. The provider cannot be
 * reached from here, and the gateway no longer needs it to start: it must start (the
 * all-at-once configuration check included), apply every route file without a problem,
 * say it is not ready, and name the page's issuer on its health endpoint.
 */
class ProviderDocsTests {

	private static final Path PROVIDERS = Path.of("..", "docs", "providers");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

	private static final String GATEWAY_URL = "GATEWAY_URL";

	/**
	 * Test values for the placeholders the pages use: a page with another one fails,
	 * naming it. Host names are the providers' own forms (a tenant's or an org's domain);
	 * none is reachable from the test machine.
	 */
	private static final Map<String, String> VALUES = Map.ofEntries(
			Map.entry("ENTRA_TENANT_ID", "6f1c2a7e-0000-4000-8000-00000000e1d1"),
			Map.entry("ENTRA_CLIENT_ID", "0b7d2c1a-0000-4000-8000-0000000ed9e1"),
			Map.entry("ENTRA_CLIENT_SECRET", "fake-entra-secret"),
			Map.entry("GOOGLE_CLIENT_ID", "123456789012-edgegateway.apps.googleusercontent.com"),
			Map.entry("GOOGLE_CLIENT_SECRET", "fake-google-secret"),
			Map.entry("OKTA_DOMAIN", "edge-gateway-docs.okta.com"), Map.entry("OKTA_CLIENT_ID", "0oa-edge-gateway"),
			Map.entry("OKTA_CLIENT_SECRET", "fake-okta-secret"),
			Map.entry("OKTA_EXCHANGE_CLIENT_ID", "0oa-edge-gateway-exchange"),
			Map.entry("OKTA_EXCHANGE_CLIENT_SECRET", "fake-okta-exchange-secret"),
			Map.entry("AUTH0_DOMAIN", "edge-gateway-docs.eu.auth0.com"), Map.entry("AUTH0_CLIENT_ID", "auth0-edge"),
			Map.entry("AUTH0_CLIENT_SECRET", "fake-auth0-secret"), Map.entry("REPORTS_SA_CLIENT_ID", "reports-sa"),
			Map.entry("REPORTS_SA_CLIENT_SECRET", "fake-reports-sa-secret"),
			Map.entry("REPORTS_SA_KEY_ID", "reports-sa-2026-11"));

	/**
	 * The issuers each configuration example must name, in the form the provider
	 * documents, with the test values above.
	 */
	private static final Map<String, Set<String>> ISSUERS = Map.of("entra-id-1",
			Set.of("https://login.microsoftonline.com/6f1c2a7e-0000-4000-8000-00000000e1d1/v2.0"), "google-1",
			Set.of("https://accounts.google.com"), "okta-1",
			Set.of("https://edge-gateway-docs.okta.com/oauth2/default"), "okta-2",
			Set.of("https://edge-gateway-docs.eu.auth0.com/"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	private final TestBrowser browser = new TestBrowser();

	static Stream<Setup> setups() throws IOException {
		List<Setup> setups = new ArrayList<>();
		for (Path page : pages()) {
			setups.addAll(Setup.of(page));
		}
		return setups.stream();
	}

	@Test
	void everyProviderPageButKeycloaksHasAConfigurationExampleAndTheIssuersItMustName() throws IOException {
		List<String> names = setups().map(Setup::name).toList();
		assertThat(pages()).extracting((page) -> page.getFileName().toString())
			.containsExactlyInAnyOrder("entra-id.md", "google.md", "okta.md");
		assertThat(names).as("every configuration example has its issuers in ISSUERS")
			.containsExactlyInAnyOrderElementsOf(ISSUERS.keySet());
		assertThat(setups()).allSatisfy((setup) -> assertThat(setup.routeFiles()).isNotEmpty());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("setups")
	void pageExamplesStartAGatewayThatAppliesTheirRoutesAndWaitsForTheProvider(Setup setup) throws IOException {
		Path dir = Files.createDirectories(this.work.resolve(setup.name()));
		Path configuration = Files.writeString(dir.resolve(setup.name() + ".yaml"), setup.configuration());
		Path routes = Files.createDirectories(dir.resolve("routes"));
		Map<String, List<String>> routeIds = new LinkedHashMap<>();
		for (Map.Entry<String, String> file : setup.routeFiles().entrySet()) {
			Files.writeString(routes.resolve(file.getKey()), file.getValue());
			routeIds.put(file.getKey(),
					new RouteFileParser().parse(file.getKey(), file.getValue())
						.routes()
						.stream()
						.map(RouteDefinition::getId)
						.toList());
		}
		int port = GatewayInstance.freePort();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.import", "file:" + configuration);
		properties.putAll(placeholderValues(setup.configuration(), "http://127.0.0.1:" + port));
		properties.putAll(generatedKeyFiles(setup.configuration(), dir.resolve("keys")));
		properties.put("server.port", port);
		properties.put("edge.routes.directory", routes);
		// The page's route files are one team's, whatever the page calls them.
		List<String> pageFiles = List.copyOf(routeIds.keySet());
		for (int i = 0; i < pageFiles.size(); i++) {
			properties.put("edge.routes.teams.page.files[" + i + "]", pageFiles.get(i));
		}
		properties.put("edge.routes.teams.page.paths[0]", "/");

		try (GatewayInstance gateway = GatewayInstance.startConfiguredBy(properties)) {
			Map<String, RouteFilesLocator.FileState> files = gateway.context().getBean(RouteFilesLocator.class).files();
			assertThat(files).containsOnlyKeys(routeIds.keySet());
			routeIds.forEach((file, ids) -> {
				assertThat(files.get(file).problems()).as(file).isEmpty();
				assertThat(files.get(file).applied()).as(file)
					.extracting(RouteDefinition::getId)
					.containsExactlyElementsOf(ids);
			});

			HttpResponse<String> ready = this.browser.get(gateway.url() + "/readyz");
			assertThat(ready.statusCode()).isEqualTo(503);
			assertThat(ready.body()).contains("OUT_OF_SERVICE");

			OAuth2ClientProperties clients = Binder.get(gateway.context().getEnvironment())
				.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
				.get();
			JsonNode provider = JSON.readTree(this.browser.get(gateway.managementUrl() + "/actuator/health").body())
				.path("components")
				.path("identityProvider");
			assertThat(provider.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
			Set<String> issuers = new TreeSet<>();
			clients.getRegistration().forEach((id, registration) -> {
				String issuer = clients.getProvider()
					.get(StringUtils.hasText(registration.getProvider()) ? registration.getProvider() : id)
					.getIssuerUri();
				assertThat(provider.path("details").path("registrations").path(id).path("issuer").asString())
					.as("registration %s", id)
					.isEqualTo(issuer);
				issuers.add(issuer);
			});
			assertThat(issuers).containsExactlyInAnyOrderElementsOf(ISSUERS.get(setup.name()));
			String bearerIssuer = gateway.context()
				.getEnvironment()
				.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
			assertThat(bearerIssuer).isIn(ISSUERS.get(setup.name()));
		}
	}

	/**
	 * Entra's page configures an empty {@code user-info-uri} so that Spring Security
	 * reads the user from the ID token instead of calling Microsoft Graph's user info
	 * endpoint with a token for the gateway's API. Proven here with Spring Boot's own
	 * mapping against a local OpenID provider that does publish a user info endpoint: the
	 * empty value replaces the discovered one, and the rest of the metadata (the end
	 * session endpoint, for sign-out) is kept.
	 */
	@Test
	void entraPageEmptyUserInfoUriReplacesTheDiscoveredOneAndKeepsTheRestOfTheMetadata() throws IOException {
		Setup entra = Setup.of(PROVIDERS.resolve("entra-id.md")).get(0);
		OAuth2ClientProperties clients = binder(entra.configuration(),
				Map.of(GATEWAY_URL, "https://gateway.example.com"))
			.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
			.get();
		assertThat(clients.getProvider().get("entra").getUserInfoUri()).isEmpty();
		try (DemoIdentityProvider idp = DemoIdentityProvider.builder().port(0).start()) {
			clients.getProvider().get("entra").setIssuerUri(idp.issuer());
			ClientRegistration signIn = new OAuth2ClientPropertiesMapper(clients).asClientRegistrations().get("idp");
			assertThat(signIn.getProviderDetails().getUserInfoEndpoint().getUri()).isEmpty();
			assertThat(signIn.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
			assertThat(signIn.getScopes()).contains("openid", "offline_access",
					"api://" + VALUES.get("ENTRA_CLIENT_ID") + "/access_as_user");

			clients.getProvider().get("entra").setUserInfoUri(null);
			ClientRegistration withoutOverride = new OAuth2ClientPropertiesMapper(clients).asClientRegistrations()
				.get("idp");
			assertThat(withoutOverride.getProviderDetails().getUserInfoEndpoint().getUri())
				.as("the provider publishes a user info endpoint")
				.isNotEmpty();
		}
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.list(PROVIDERS)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".md"))
				.filter((file) -> !file.getFileName().toString().equals("keycloak.md"))
				.sorted()
				.toList();
		}
	}

	/**
	 * The test value of every placeholder a configuration example uses.
	 */
	private static Map<String, Object> placeholderValues(String configuration, String gatewayUrl) {
		Map<String, Object> values = new LinkedHashMap<>();
		Matcher matcher = PLACEHOLDER.matcher(configuration);
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = name.equals(GATEWAY_URL) ? gatewayUrl : VALUES.get(name);
			assertThat(value).as("a test value for the placeholder ${%s} (ProviderDocsTests.VALUES)", name).isNotNull();
			values.put(name, value);
		}
		return values;
	}

	/**
	 * Key files of the kind each configured key file is, generated, as properties that
	 * replace the paths the example names ({@code /etc/edge-gateway/keys/...}).
	 */
	private static Map<String, Object> generatedKeyFiles(String configuration, Path keys) throws IOException {
		CredentialsProperties credentials = binder(configuration, Map.of()).bindOrCreate("edge.credentials",
				Bindable.of(CredentialsProperties.class));
		Map<String, Object> properties = new LinkedHashMap<>();
		credentials.getClientKeys().forEach((registration, key) -> {
			assertThat(key.getPrivateKeyFile()).as(registration).isNotNull();
			properties.put("edge.credentials.client-keys." + registration + ".private-key-file",
					TestKeys.generate(registration).writePem(keys.resolve(registration + ".pem")));
		});
		credentials.getServiceAccounts().forEach((name, account) -> {
			assertThat(account.getKeyFile()).as(name).isNotNull();
			properties.put("edge.credentials.service-accounts." + name + ".key-file",
					TestKeys.generate(name)
						.writeServiceAccountKeyFile(keys.resolve(name + ".json"),
								name + "@edge-tests.iam.gserviceaccount.com", "https://oauth2.googleapis.com/token"));
		});
		return properties;
	}

	/**
	 * A binder over a configuration example, its placeholders resolved with the test
	 * values.
	 */
	private static Binder binder(String configuration, Map<String, Object> more) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		Map<String, Object> values = new LinkedHashMap<>(VALUES);
		values.putAll(more);
		sources.addFirst(new MapPropertySource("test values", values));
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(configuration.getBytes(StandardCharsets.UTF_8)))) {
			sources.addLast(source);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}

}
