package io.edgegateway.app.assertion;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.DocExamples;
import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.assertion.AssertionSigner;
import io.edgegateway.filters.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assertion configuration examples of {@code docs/identity.md} and
 * {@code docs/configuration.md} give a working signer once their key files exist: the
 * mounted Secret's path stands for a directory with freshly generated keys.
 */
class IdentityAssertionDocsTests {

	private static final String SECRET_PATH = "/etc/edge-gateway/assertion/";

	@TempDir
	Path secret;

	@Test
	void everyAssertionExampleSignsWithItsKeysAndPublishesThemAll() throws IOException {
		List<String> examples = new ArrayList<>();
		for (String page : List.of("identity.md", "configuration.md")) {
			DocExamples.yamlBlocks(Path.of("..", "docs", page))
				.stream()
				.filter((yaml) -> yaml.contains("assertion:"))
				.forEach(examples::add);
		}
		assertThat(examples).hasSize(2);
		for (String example : examples) {
			Binder binder = binderFor(example.replace(SECRET_PATH, this.secret.toString() + "/"));
			AssertionProperties properties = binder.bindOrCreate("edge.assertion", AssertionProperties.class);
			properties.getKeys()
				.keySet()
				.forEach((keyId) -> TestKeys.write(this.secret.resolve(keyId + ".pem"),
						TestKeys.pem(TestKeys.ecP256().getPrivate())));
			URI publicBaseUrl = binder.bind("edge.security.public-base-url", URI.class).orElse(null);
			AssertionSigner signer = AssertionSigner.from(properties, publicBaseUrl, Clock.systemUTC());
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> keys = (List<Map<String, Object>>) signer.jwkSet().get("keys");
			assertThat(keys).extracting((key) -> key.get("kid"))
				.as(example)
				.containsExactlyInAnyOrderElementsOf(properties.getKeys().keySet());
		}
	}

	private static Binder binderFor(String yaml) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(yaml.getBytes()));
		return new Binder(ConfigurationPropertySources.from(sources));
	}

}
