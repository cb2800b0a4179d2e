package io.edgegateway.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.edgegateway.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production example: Ingress, autoscaling, disruption budget, network policy,
 * ServiceMonitor and Redis settings.
 */
class OptionalResourcesTests {

	private final RenderedChart production = TestChart.production().render();

	@Test
	void autoscaledReplicasLeaveTheReplicaCountToTheAutoscalerAndKeepABudget() {
		assertThat((Object) get(this.production.deployment(), "spec.replicas")).isNull();
		Map<String, Object> hpa = this.production.get("HorizontalPodAutoscaler", "edge-edge-gateway");
		assertThat((Integer) get(hpa, "spec.minReplicas")).isEqualTo(3);
		assertThat((Integer) get(hpa, "spec.maxReplicas")).isEqualTo(12);
		assertThat((String) get(hpa, "spec.scaleTargetRef.name")).isEqualTo("edge-edge-gateway");
		Map<String, Object> pdb = this.production.get("PodDisruptionBudget", "edge-edge-gateway");
		assertThat((Integer) get(pdb, "spec.maxUnavailable")).isEqualTo(1);
		assertThat((Object) get(this.production.deployment(),
				"spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
			.isNotNull();
	}

	@Test
	void ingressSendsEveryPathOfTheHostToTheGatewaysPublicPort() {
		Map<String, Object> ingress = this.production.get("Ingress", "edge-edge-gateway");
		List<Map<String, Object>> rules = get(ingress, "spec.rules");
		assertThat(rules).singleElement().satisfies((rule) -> {
			assertThat(rule.get("host")).isEqualTo("gateway.example.com");
			List<Map<String, Object>> paths = get(rule, "http.paths");
			assertThat(paths).singleElement().satisfies((path) -> {
				assertThat(path.get("path")).isEqualTo("/");
				assertThat((String) get(path, "backend.service.port.name")).isEqualTo("http");
			});
		});
		assertThat((String) get(ingress, "spec.ingressClassName")).isEqualTo("nginx");
	}

	@Test
	void networkPolicyOpensThePublicPortToTheIngressAndMetricsToMonitoringOnly() {
		Map<String, Object> policy = this.production.get("NetworkPolicy", "edge-edge-gateway");
		List<Map<String, Object>> rules = get(policy, "spec.ingress");
		assertThat(rules).hasSize(2);
		assertThat(rules.toString()).contains("port=http").contains("ingress-nginx");
		assertThat(rules.get(1).toString()).contains("port=management").contains("monitoring");
	}

	@Test
	void serviceMonitorScrapesPrometheusMetricsOnTheManagementPort() {
		Map<String, Object> monitor = this.production.get("ServiceMonitor", "edge-edge-gateway");
		Map<String, Object> selector = get(monitor, "spec.selector.matchLabels");
		assertThat((Map<String, Object>) get(this.production.get("Service", "edge-edge-gateway-management"),
				"metadata.labels"))
			.containsAllEntriesOf(selector);
		assertThat((Map<String, Object>) get(this.production.get("Service", "edge-edge-gateway"), "metadata.labels"))
			.doesNotContainEntry("app.kubernetes.io/component", "management");
		List<Map<String, Object>> endpoints = get(monitor, "spec.endpoints");
		assertThat(endpoints).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.get("port")).isEqualTo("management");
			assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
		});
		assertThat((String) get(monitor, "metadata.labels.release")).isEqualTo("prometheus");
	}

	@Test
	void redisQuickstartRunsOneRedisForTrialsAndPointsTheGatewayAtIt() {
		assertThat(TestChart.defaults().render().find("Deployment", "edge-redis-quickstart")).isEmpty();
		RenderedChart trial = TestChart.defaults().set("redisQuickstart.enabled", true).set("replicaCount", 2).render();
		Map<String, Object> redis = trial.get("Deployment", "edge-redis-quickstart");
		assertThat(redis.toString()).contains("image=redis:8.2-alpine").contains("readOnlyRootFilesystem=true");
		assertThat(trial.find("Service", "edge-redis-quickstart")).isPresent();
		assertThat(trial.applicationSettings()).contains("host: edge-redis-quickstart");
		assertThat(TestChart.defaults()
			.set("redisQuickstart.enabled", true)
			.set("redis.host", "redis.example.com")
			.render()
			.applicationSettings()).contains("host: redis.example.com").doesNotContain("redis-quickstart");
	}

	@Test
	void redisSentinelAndClusterSettingsArePassedToTheApplication() {
		assertThat(this.production.applicationSettings()).contains("master: edge")
			.contains("nodes: redis-sentinel-0.redis:26379,redis-sentinel-1.redis:26379,redis-sentinel-2.redis:26379");
		String cluster = TestChart.defaults()
			.set("redis.cluster.nodes[0]", "redis-0:6379")
			.set("redis.cluster.nodes[1]", "redis-1:6379")
			.set("redis.ssl", true)
			.render()
			.applicationSettings();
		assertThat(cluster).contains("nodes: redis-0:6379,redis-1:6379")
			.contains("max-redirects: 3")
			.contains("enabled: true");
	}

}
