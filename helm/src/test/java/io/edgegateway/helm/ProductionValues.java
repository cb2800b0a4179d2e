package io.edgegateway.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The example production values file docs/kubernetes.md walks through, as data.
 */
final class ProductionValues {

	private ProductionValues() {
	}

	static Map<String, Object> values() {
		try {
			return new Yaml().load(Files.readString(TestChart.PRODUCTION_VALUES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, String> routes() {
		return Manifests.get(values(), "routes");
	}

	static Map<String, String> secretSettings() {
		return Manifests.get(values(), "secrets.values");
	}

	static Map<String, String> keyFiles() {
		return Manifests.get(values(), "keyFiles.files");
	}

}
