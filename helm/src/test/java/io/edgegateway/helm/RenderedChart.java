package io.edgegateway.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests {@code helm template} printed, parsed.
 */
final class RenderedChart {

	private final String text;

	private final List<Map<String, Object>> manifests = new ArrayList<>();

	@SuppressWarnings("unchecked")
	RenderedChart(String text) {
		this.text = text;
		for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
			if (document != null) {
				this.manifests.add((Map<String, Object>) document);
			}
		}
	}

	String text() {
		return this.text;
	}

	List<Map<String, Object>> manifests() {
		return this.manifests;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.manifests.stream().filter((manifest) -> kind.equals(manifest.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream()
			.filter((manifest) -> name.equals(Manifests.get(manifest, "metadata.name")))
			.findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in:\n" + this.text));
	}

	Map<String, Object> deployment() {
		return get("Deployment", "edge-edge-gateway");
	}

	/**
	 * A ConfigMap's or Secret's data (keys may contain dots).
	 */
	Map<String, String> data(String kind, String name) {
		Map<String, String> data = Manifests.get(get(kind, name), "data");
		return (data != null) ? data : Map.of();
	}

	String applicationSettings() {
		return data("ConfigMap", "edge-edge-gateway").get("application.yaml");
	}

	Map<String, Object> podTemplate() {
		return Manifests.get(deployment(), "spec.template");
	}

	Map<String, Object> gatewayContainer() {
		List<Map<String, Object>> containers = Manifests.get(deployment(), "spec.template.spec.containers");
		return containers.get(0);
	}

}
