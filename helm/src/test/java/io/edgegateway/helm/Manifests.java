package io.edgegateway.helm;

import java.util.Map;

/**
 * Reads a parsed manifest by a dotted path.
 */
final class Manifests {

	private Manifests() {
	}

	@SuppressWarnings("unchecked")
	static <T> T get(Map<String, Object> manifest, String path) {
		Object current = manifest;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return (T) current;
	}

}
