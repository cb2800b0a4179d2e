package io.edgegateway.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.edgegateway.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public Service, the management port's own Service, and the {@code helm test} hook.
 */
class ServicesTests {

	@Test
	void managementPortHasAClusterIpServiceOfItsOwnThatAPublicServiceTypeNeverPublishes() {
		RenderedChart chart = TestChart.defaults().set("service.type", "LoadBalancer").render();
		Map<String, Object> published = chart.get("Service", "edge-edge-gateway");
		assertThat((String) get(published, "spec.type")).isEqualTo("LoadBalancer");
		assertThat(ports(published)).containsExactly("http=80->http");
		Map<String, Object> management = chart.get("Service", "edge-edge-gateway-management");
		assertThat((String) get(management, "spec.type")).isEqualTo("ClusterIP");
		assertThat(ports(management)).containsExactly("management=8081->management");
		assertThat((Map<String, Object>) get(management, "spec.selector")).isEqualTo(get(published, "spec.selector"));
	}

	@Test
	void managementServiceIsConfigurable() {
		RenderedChart chart = TestChart.defaults()
			.set("managementService.port", 9090)
			.set("managementService.annotations.team", "platform")
			.render();
		Map<String, Object> management = chart.get("Service", "edge-edge-gateway-management");
		assertThat(ports(management)).containsExactly("management=9090->management");
		assertThat((String) get(management, "metadata.annotations.team")).isEqualTo("platform");
		assertThat(TestChart.defaults()
			.set("managementService.enabled", false)
			.render()
			.find("Service", "edge-edge-gateway-management")).isEmpty();
		assertThat(TestChart.production().set("managementService.enabled", false).refusal())
			.contains("serviceMonitor.enabled needs managementService.enabled");
	}

	@Test
	void helmTestAsksReadyzThroughThePublicService() {
		assertThat(TestChart.defaults().render().find("Pod", "edge-edge-gateway-test-readyz")).isEmpty();
		RenderedChart chart = TestChart.defaults().renderWithTestHooks();
		Map<String, Object> test = chart.get("Pod", "edge-edge-gateway-test-readyz");
		Map<String, String> annotations = get(test, "metadata.annotations");
		assertThat(annotations).containsEntry("rendered.helm.sh/hook", "test");
		List<Map<String, Object>> containers = get(test, "spec.containers");
		assertThat(containers).singleElement().satisfies((container) -> {
			assertThat((List<String>) container.get("command")).contains("http://edge-edge-gateway:80/readyz");
			assertThat((Boolean) get(container, "securityContext.readOnlyRootFilesystem")).isTrue();
		});
		assertThat((Boolean) get(test, "spec.securityContext.runAsNonRoot")).isTrue();
	}

	private static List<String> ports(Map<String, Object> service) {
		List<Map<String, Object>> ports = get(service, "spec.ports");
		return ports.stream()
			.map((port) -> port.get("name") + "=" + port.get("port") + "->" + port.get("targetPort"))
			.toList();
	}

}
