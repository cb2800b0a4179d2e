package io.edgegateway.helm;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static io.edgegateway.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's pods as the chart's default values render them.
 */
class DeploymentTemplateTests {

	private final RenderedChart chart = TestChart.defaults().render();

	private final Map<String, Object> container = this.chart.gatewayContainer();

	@Test
	void probesUseTheActuatorHealthGroupsOnTheManagementPort() {
		assertThat((String) get(this.container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) get(this.container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) get(this.container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat((String) get(this.container, probe + ".httpGet.port")).isEqualTo("management");
		}
		List<Map<String, Object>> ports = get(this.container, "ports");
		assertThat(ports).extracting((port) -> port.get("name") + "=" + port.get("containerPort"))
			.containsExactly("http=8080", "management=8081");
	}

	@Test
	void probesTimeOutAfterTheConfiguredSeconds() {
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat((Integer) get(this.container, probe + ".timeoutSeconds")).as(probe).isEqualTo(2);
		}
		Map<String, Object> slow = TestChart.defaults()
			.set("probes.readiness.timeoutSeconds", 5)
			.render()
			.gatewayContainer();
		assertThat((Integer) get(slow, "readinessProbe.timeoutSeconds")).isEqualTo(5);
		assertThat((Integer) get(slow, "livenessProbe.timeoutSeconds")).isEqualTo(2);
	}

	@Test
	void securityContextsAreValuesThatOverrideTheHardenedDefaultsKeyByKey() {
		RenderedChart chart = TestChart.defaults()
			.set("podSecurityContext.runAsUser", 10001)
			.set("securityContext.readOnlyRootFilesystem", false)
			.render();
		assertThat((Integer) get(chart.deployment(), "spec.template.spec.securityContext.runAsUser")).isEqualTo(10001);
		assertThat((Boolean) get(chart.gatewayContainer(), "securityContext.readOnlyRootFilesystem")).isFalse();
		assertThat((List<String>) get(chart.gatewayContainer(), "securityContext.capabilities.drop"))
			.containsExactly("ALL");
	}

	@Test
	void podsRunAsTheImagesNonRootUserWithAReadOnlyRootAndNoCapabilities() {
		Map<String, Object> pod = get(this.chart.deployment(), "spec.template.spec");
		assertThat((Boolean) get(pod, "securityContext.runAsNonRoot")).isTrue();
		assertThat((Integer) get(pod, "securityContext.runAsUser"))
			.isEqualTo(Integer.valueOf(System.getProperty("edge.image.user")));
		assertThat((String) get(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
		assertThat((Boolean) get(pod, "automountServiceAccountToken")).isFalse();
		assertThat((Boolean) get(this.container, "securityContext.readOnlyRootFilesystem")).isTrue();
		assertThat((Boolean) get(this.container, "securityContext.allowPrivilegeEscalation")).isFalse();
		assertThat((List<String>) get(this.container, "securityContext.capabilities.drop")).containsExactly("ALL");
		assertThat(mountPaths()).contains("/tmp");
		List<Map<String, Object>> volumes = get(pod, "volumes");
		assertThat(volumes).filteredOn((volume) -> "tmp".equals(volume.get("name")))
			.singleElement()
			.satisfies((tmp) -> assertThat(tmp).containsKey("emptyDir"));
	}

	@Test
	void stoppingPodsKeepServingThenDrainWithinTheGracePeriod() {
		assertThat((Integer) get(this.container, "lifecycle.preStop.sleep.seconds")).isEqualTo(10);
		assertThat((Integer) get(this.chart.deployment(), "spec.template.spec.terminationGracePeriodSeconds"))
			.isEqualTo(10 + 25 + 5);
		assertThat(applicationSettings()).contains("timeout-per-shutdown-phase: 25s");
		assertThat((Integer) get(this.chart.deployment(), "spec.strategy.rollingUpdate.maxUnavailable")).isZero();
	}

	@Test
	void imageIsTheOneTheBuildPublishes() throws Exception {
		Map<String, Object> chartYaml = new Yaml().load(Files.readString(TestChart.CHART.resolve("Chart.yaml")));
		assertThat(chartYaml.get("appVersion")).isEqualTo(System.getProperty("edge.app.version"));
		assertThat(chartYaml.get("version")).as("the chart is released with the application")
			.isEqualTo(System.getProperty("edge.app.version").replace("-SNAPSHOT", ""));
		assertThat((String) get(this.container, "image"))
			.isEqualTo(System.getProperty("edge.image.repository") + ":" + System.getProperty("edge.app.version"));
		String pinned = "sha256:" + "ab".repeat(32);
		assertThat((String) get(TestChart.defaults().set("image.digest", pinned).render().gatewayContainer(), "image"))
			.isEqualTo(System.getProperty("edge.image.repository") + "@" + pinned);
	}

	@Test
	void applicationReadsTheRenderedSettingsAndRouteDirectory() {
		List<Map<String, Object>> env = get(this.container, "env");
		assertThat(env)
			.contains(Map.of("name", "SPRING_CONFIG_ADDITIONAL_LOCATION", "value", "/etc/edge-gateway/config/"));
		assertThat(mountPaths()).contains("/etc/edge-gateway/config", "/etc/edge-gateway/routes");
		assertThat(applicationSettings()).contains("directory: /etc/edge-gateway/routes");
	}

	@Test
	void oneReplicaWithoutRedisNeedsNoDisruptionBudgetButSpreadsWhenScaled() {
		assertThat((Integer) get(this.chart.deployment(), "spec.replicas")).isEqualTo(1);
		assertThat(this.chart.ofKind("PodDisruptionBudget")).isEmpty();
		assertThat((Object) get(this.chart.deployment(),
				"spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution"))
			.isNotNull();
		assertThat(this.chart.ofKind("Ingress")).isEmpty();
		assertThat(this.chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
		assertThat(this.chart.ofKind("NetworkPolicy")).isEmpty();
		assertThat(this.chart.ofKind("ServiceMonitor")).isEmpty();
	}

	private List<String> mountPaths() {
		List<Map<String, Object>> mounts = get(this.container, "volumeMounts");
		return mounts.stream().map((mount) -> (String) mount.get("mountPath")).toList();
	}

	private String applicationSettings() {
		return this.chart.applicationSettings();
	}

}
