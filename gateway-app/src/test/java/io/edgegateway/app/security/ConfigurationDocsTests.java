package io.edgegateway.app.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.logging.AsyncLoggingProperties;
import io.edgegateway.app.session.SessionProperties;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.websocket.WebSocketProperties;
import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.logging.RequestMdcProperties;
import io.edgegateway.filters.token.TokenCacheProperties;
import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SignedInUserResolver;
import io.edgegateway.routes.file.RoutesProperties;
import io.edgegateway.routes.file.TeamGrants;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code edge.*} example in {@code docs/configuration.md} binds to the properties
 * it documents and passes their validation, so the documentation cannot drift from the
 * code.
 */
class ConfigurationDocsTests {

	@Test
	void everyExampleInConfigurationDocsBindsAndValidates() throws IOException {
		List<String> examples = new ArrayList<>(DocExamples.yamlBlocks(Path.of("..", "docs", "configuration.md")));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
		examples.addAll(DocExamples.yamlBlocks(Path.of("..", "docs", "token-cache.md")));
		examples.addAll(DocExamples.yamlBlocks(Path.of("..", "docs", "security.md")));
		examples.addAll(DocExamples.yamlBlocks(Path.of("..", "docs", "websockets.md"))
			.stream()
			.filter((yaml) -> yaml.startsWith("edge:"))
			.toList());
		examples.addAll(DocExamples.yamlBlocks(Path.of("..", "docs", "observability.md"))
			.stream()
			.filter((yaml) -> yaml.startsWith("edge:\n  logging:"))
			.toList());
		for (String example : examples) {
			Binder binder = binderFor(example);
			IdentityProperties identity = binder.bindOrCreate("edge.identity", IdentityProperties.class);
			AssertionProperties assertion = binder.bindOrCreate("edge.assertion", AssertionProperties.class);
			IdentityHeaderInjector.from(identity, Map.of("edge.assertion.header", assertion.getHeader()));
			assertThat(assertion.getLifetime()).isPositive().isLessThanOrEqualTo(AssertionProperties.MAXIMUM_LIFETIME);
			assertion.getKeys().forEach((keyId, key) -> assertThat(key.getPrivateKey()).as(keyId).isNotBlank());
			SignedInUserResolver.from(binder.bindOrCreate("edge.identity.claims", IdentityClaimsProperties.class));
			EdgeSecurityProperties security = binder.bindOrCreate("edge.security", EdgeSecurityProperties.class);
			security.getBearer().getIssuers().forEach((issuer) -> {
				assertThat(issuer.getIssuerUri()).isNotBlank();
				assertThat(issuer.getAudiences()).isNotEmpty();
			});
			for (int i = 0; i < security.getTrustedProxies().size(); i++) {
				AddressRange.parse(security.getTrustedProxies().get(i), "edge.security.trusted-proxies[" + i + "]");
			}
			SessionProperties session = binder.bindOrCreate("edge.session", SessionProperties.class);
			CredentialsProperties credentials = binder.bindOrCreate("edge.credentials", CredentialsProperties.class);
			TokenCacheProperties tokenCache = binder.bindOrCreate("edge.token-cache", TokenCacheProperties.class);
			AsyncLoggingProperties logging = binder.bindOrCreate("edge.logging.async", AsyncLoggingProperties.class);
			RequestMdcProperties mdc = binder.bindOrCreate("edge.logging.mdc", RequestMdcProperties.class);
			if (example.contains("mdc:")) {
				assertThat(mdc.isEnabled()).as(example).isTrue();
			}
			WebSocketProperties websocket = binder.bindOrCreate("edge.websocket", WebSocketProperties.class);
			Errors websocketErrors = new BeanPropertyBindingResult(websocket, "edge.websocket");
			websocket.validate(websocket, websocketErrors);
			assertThat(websocketErrors.getAllErrors()).as(example).isEmpty();
			assertThat(logging.getQueueSize()).isPositive();
			assertThat(tokenCache.getSkew()).isPositive();
			assertThat(credentials.getCircuitBreaker().getWaitInOpenState()).isPositive();
			credentials.getClientKeys()
				.forEach((registration, key) -> assertThat(key.getPrivateKeyFile()).as(registration).isNotNull());
			boolean bound = binder.bind("edge", Bindable.mapOf(String.class, Object.class)).isBound();
			assertThat(bound).as("example binds edge.* properties:\n" + example).isTrue();
			if (example.contains("session:")) {
				assertThat(session.getEncryption().getKeys()).containsKey(session.getEncryption().getActiveKey());
			}
		}
	}

	@Test
	void everyGatewaySettingInRouteDocsBindsAndItsTeamGrantsAreValid() throws IOException {
		List<String> examples = DocExamples.yamlBlocks(Path.of("..", "docs", "routes.md"))
			.stream()
			.filter((yaml) -> yaml.startsWith("edge:"))
			.toList();
		assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
		int teams = 0;
		for (String example : examples) {
			RoutesProperties routes = binderFor(example).bindOrCreate("edge.routes", RoutesProperties.class);
			assertThat(routes.getDirectory()).as(example).isNotNull();
			TeamGrants grants = TeamGrants.of(routes.getTeams());
			for (Map.Entry<String, RoutesProperties.Team> team : routes.getTeams().entrySet()) {
				team.getValue()
					.getFiles()
					.forEach((file) -> assertThat(grants.grantOf(file.endsWith("/") ? file + "x.yaml" : file))
						.extracting(TeamGrants.Grant::team)
						.isEqualTo(team.getKey()));
				teams++;
			}
		}
		assertThat(teams).isGreaterThanOrEqualTo(2);
	}

	private static Binder binderFor(String yaml) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(yaml.getBytes()));
		return new Binder(ConfigurationPropertySources.from(sources));
	}

}
