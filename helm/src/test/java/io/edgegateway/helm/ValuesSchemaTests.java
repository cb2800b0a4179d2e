package io.edgegateway.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * values.schema.json and the chart's own checks refuse bad values with a message that
 * names the value.
 */
class ValuesSchemaTests {

	@Test
	void wrongTypesAndUnknownChoicesAreRefusedByName() {
		assertThat(TestChart.defaults().set("replicaCount", "three").refusal())
			.contains("at '/replicaCount': got string, want integer");
		assertThat(TestChart.defaults().set("image.pullPolicy", "Sometimes").refusal()).contains("pullPolicy");
		assertThat(TestChart.defaults().set("podAntiAffinity", "always").refusal()).contains("podAntiAffinity");
		assertThat(TestChart.defaults().set("service.port", 70000).refusal()).contains("port");
		assertThat(TestChart.defaults().set("image.digest", "latest").refusal()).contains("digest");
	}

	@Test
	void misspelledValuesAreRefusedInsteadOfIgnored() {
		assertThat(TestChart.defaults().set("replicas", 3).refusal())
			.contains("additional properties 'replicas' not allowed");
		assertThat(TestChart.defaults().set("redis.sentinel.masterName", "edge").refusal()).contains("masterName");
	}

	@Test
	void routeFilesMustBeNamedLikeFilesAndHoldText() {
		assertThat(TestChart.defaults().values(write("routes:\n  \"Orders Team\": \"routes: []\"\n")).refusal())
			.contains("at '/routes': additional properties 'Orders Team' not allowed");
		assertThat(TestChart.defaults().set("routes.orders.routes", "x").refusal())
			.contains("at '/routes/orders': got object, want string");
	}

	private static Path write(String values) {
		try {
			Path file = Files.createTempFile("values", ".yaml");
			file.toFile().deleteOnExit();
			return Files.writeString(file, values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aRedisPasswordInTheUrlIsRefused() {
		assertThat(TestChart.defaults().set("redis.url", "redis://user:hunter2@redis:6379").refusal())
			.contains("at '/redis/url'");
		assertThat(TestChart.defaults()
			.set("redis.url", "rediss://redis.example.com:6380/2")
			.render()
			.applicationSettings()).contains("url: rediss://redis.example.com:6380/2");
	}

	@Test
	void everyRequiredValueMissingIsRefusedAtInstallByName() {
		assertThat(TestChart.bare().refusal()).contains("missing property 'publicBaseUrl'");
		assertThat(TestChart.bare().set("publicBaseUrl", "https://gateway.example.com").refusal())
			.contains("at '/idp': missing properties 'issuerUri', 'clientId'")
			.contains("at '/idp/clientSecret': missing property 'secretName'");
		assertThat(TestChart.defaults().set("idp.clientSecret.secretName", "").refusal())
			.contains("at '/idp/clientSecret/secretName'");
		assertThat(TestChart.defaults().set("publicBaseUrl", "gateway.example.com").refusal())
			.contains("at '/publicBaseUrl'");
	}

	@Test
	void theRequiredValuesAloneConfigureTheLoginAndThePublicAddress() {
		String settings = TestChart.defaults().render().applicationSettings();
		assertThat(settings).contains("public-base-url: https://gateway.example.com")
			.contains("issuer-uri: https://login.example.com/realms/corp")
			.contains("client-id: edge-gateway")
			.contains("authorization-grant-type: authorization_code")
			.contains("scope: openid, profile, email");
	}

	@Test
	void severalReplicasWithoutRedisAreRefused() {
		assertThat(TestChart.defaults().set("replicaCount", 3).refusal())
			.contains("replicaCount above 1 (or autoscaling.enabled) needs Redis");
		assertThat(TestChart.defaults().set("autoscaling.enabled", true).refusal()).contains("needs Redis");
		assertThat(TestChart.defaults().set("replicaCount", 3).set("redis.host", "redis").render().deployment())
			.isNotNull();
	}

}
