package io.edgegateway.helm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.edgegateway.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client secrets, keys and passwords come only from Secrets, never from a ConfigMap.
 */
class SecretsTests {

	private final RenderedChart production = TestChart.production().render();

	@Test
	void noSecretValueAppearsInAnyConfigMap() {
		List<String> secrets = new ArrayList<>(ProductionValues.secretSettings().values());
		secrets.addAll(ProductionValues.keyFiles().values());
		assertThat(secrets).hasSize(3);
		String configMaps = this.production.ofKind("ConfigMap").toString();
		for (String secret : secrets) {
			assertThat(configMaps).doesNotContain(secret.strip());
		}
	}

	@Test
	void secretSettingsAreASecretMountedWhereTheApplicationImportsItsConfigTree() {
		Map<String, String> data = this.production.data("Secret", "edge-edge-gateway-secrets");
		ProductionValues.secretSettings()
			.forEach((property, value) -> assertThat(decode(data.get(property))).isEqualTo(value));
		assertThat(this.production.applicationSettings()).contains("optional:configtree:/etc/edge-gateway/secrets/");
		assertThat(mountOf("secrets")).isEqualTo("/etc/edge-gateway/secrets");
		assertThat(mountOf("keys")).isEqualTo("/etc/edge-gateway/keys");
		assertThat(decode(this.production.data("Secret", "edge-edge-gateway-keys").get("reports-sa.pem")))
			.isEqualTo(ProductionValues.keyFiles().get("reports-sa.pem"));
	}

	@Test
	void existingSecretsAreMountedAndTheChartRendersNone() {
		RenderedChart chart = TestChart.production()
			.set("secrets.existingSecret", "gateway-settings")
			.set("keyFiles.existingSecret", "gateway-keys")
			.render();
		assertThat(chart.ofKind("Secret")).isEmpty();
		List<Map<String, Object>> volumes = get(chart.podTemplate(), "spec.volumes");
		assertThat(volumes).extracting((volume) -> get(volume, "secret.secretName"))
			.contains("gateway-settings", "gateway-keys");
	}

	@Test
	void loginClientSecretIsAFileFromTheNamedSecretReadAsAConfigTree() {
		List<Map<String, Object>> volumes = get(this.production.podTemplate(), "spec.volumes");
		assertThat(volumes).filteredOn((volume) -> "idp-client-secret".equals(volume.get("name")))
			.singleElement()
			.satisfies((volume) -> {
				assertThat((String) get(volume, "secret.secretName")).isEqualTo("edge-gateway-idp");
				assertThat(volume.toString())
					.contains("{key=client-secret, path=spring.security.oauth2.client.registration.idp.client-secret}");
			});
		assertThat(mountOf("idp-client-secret")).isEqualTo("/etc/edge-gateway/idp");
		assertThat(this.production.applicationSettings()).contains(
				"import: optional:configtree:/etc/edge-gateway/idp/,optional:configtree:/etc/edge-gateway/secrets/");
		List<Map<String, Object>> env = get(this.production.gatewayContainer(), "env");
		assertThat(env.toString()).doesNotContain("client-secret").doesNotContain("CLIENT_SECRET");
	}

	@Test
	void redisPasswordComesFromTheNamedSecret() {
		List<Map<String, Object>> env = get(this.production.gatewayContainer(), "env");
		assertThat(env).filteredOn((variable) -> "SPRING_DATA_REDIS_PASSWORD".equals(variable.get("name")))
			.singleElement()
			.satisfies((variable) -> {
				assertThat((String) get(variable, "valueFrom.secretKeyRef.name")).isEqualTo("redis-auth");
				assertThat((String) get(variable, "valueFrom.secretKeyRef.key")).isEqualTo("password");
			});
	}

	@Test
	void aSecretInApplicationSettingsIsRefusedNamingWhereItBelongs() {
		assertThat(TestChart.defaults()
			.set("application.spring.security.oauth2.client.registration.idp.client-secret", "s3cr3t")
			.refusal()).contains("application.spring.security.oauth2.client.registration.idp.client-secret is a secret")
			.contains("secrets.values");
		assertThat(TestChart.defaults().set("application.edge.session.encryption.keys.k1", "a2V5").refusal())
			.contains("application.edge.session.encryption.keys is a secret");
		assertThat(TestChart.defaults().set("application.spring.data.redis.password", "pw").refusal())
			.contains("application.spring.data.redis.password is a secret");
	}

	@Test
	void aPlaceholderForAnEnvironmentVariableIsNotASecret() {
		RenderedChart chart = TestChart.defaults()
			.set("application.spring.security.oauth2.client.registration.idp.client-secret", "${IDP_CLIENT_SECRET}")
			.render();
		assertThat(chart.applicationSettings()).contains("client-secret: ${IDP_CLIENT_SECRET}");
	}

	private String mountOf(String volume) {
		List<Map<String, Object>> mounts = get(this.production.gatewayContainer(), "volumeMounts");
		return mounts.stream()
			.filter((mount) -> volume.equals(mount.get("name")))
			.map((mount) -> (String) mount.get("mountPath"))
			.findFirst()
			.orElse(null);
	}

	private static String decode(String base64) {
		return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
	}

}
