package io.edgegateway.helm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static io.edgegateway.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * values.routes becomes the routes ConfigMap, mounted as the gateway's routes directory,
 * and changes to it reach running pods without a rollout.
 */
class RouteFilesTests {

	private final RenderedChart production = TestChart.production().render();

	@Test
	void everyRouteFileFromValuesIsInTheRoutesConfigMapExactly() {
		Map<String, String> routes = ProductionValues.routes();
		Map<String, String> expected = new TreeMap<>();
		routes.forEach((team, file) -> expected.put(team + ".yaml", file));
		assertThat(expected).hasSize(2);
		assertThat(new TreeMap<>(this.production.data("ConfigMap", "edge-edge-gateway-routes"))).isEqualTo(expected);
	}

	@Test
	void routeFilesAreMountedAsAWholeDirectorySoTheKubeletCanSwapThem() {
		List<Map<String, Object>> mounts = get(this.production.gatewayContainer(), "volumeMounts");
		assertThat(mounts).filteredOn((mount) -> "routes".equals(mount.get("name")))
			.singleElement()
			.satisfies((mount) -> {
				assertThat(mount.get("mountPath")).isEqualTo("/etc/edge-gateway/routes");
				assertThat(mount).doesNotContainKey("subPath");
			});
		assertThat(this.production.applicationSettings()).contains("directory: /etc/edge-gateway/routes")
			.contains("require-credential: true");
	}

	@Test
	void changingARouteFileLeavesThePodTemplateAlone() {
		RenderedChart changed = TestChart.production()
			.set("routes.orders", "routes:\n  - id: orders\n    uri: http://orders-v2.orders.svc:8080\n")
			.set("routes.billing", "routes: []\n")
			.render();
		assertThat(changed.data("ConfigMap", "edge-edge-gateway-routes")).containsEntry("billing.yaml", "routes: []\n")
			.isNotEqualTo(this.production.data("ConfigMap", "edge-edge-gateway-routes"));
		assertThat(changed.podTemplate()).isEqualTo(this.production.podTemplate());
	}

	@Test
	void changingApplicationSettingsOrSecretsRollsThePods() {
		RenderedChart settings = TestChart.production().set("application.edge.session.timeout", "4h").render();
		assertThat(settings.podTemplate()).isNotEqualTo(this.production.podTemplate());
		RenderedChart secret = TestChart.production()
			.set("secrets.values.spring\\.security\\.oauth2\\.client\\.registration\\.idp\\.client-secret", "rotated")
			.render();
		assertThat(secret.podTemplate()).isNotEqualTo(this.production.podTemplate());
		RenderedChart redis = TestChart.production().set("redis.sentinel.master", "edge-2").render();
		assertThat(redis.podTemplate()).isNotEqualTo(this.production.podTemplate());
	}

}
