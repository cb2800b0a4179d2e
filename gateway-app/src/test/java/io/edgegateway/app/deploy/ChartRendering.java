package io.edgegateway.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart rendered by the real helm, and the files one of its pods would see:
 * every ConfigMap, Secret and emptyDir the gateway container mounts is laid out under a
 * root directory, with the mount paths in the rendered settings moved under it too.
 */
final class ChartRendering {

	private static final Path CHART = Path.of(System.getProperty("edge.chart", "../helm/edge-gateway"));

	private final Path root;

	private final List<Map<String, Object>> manifests = new ArrayList<>();

	private final Map<String, Object> container;

	private final Map<String, Object> pod;

	private final Map<String, Map<String, String>> existingSecrets = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	ChartRendering(String values, Path root) {
		this.root = root;
		String rendered = new Helm(CHART).template()
			.withName("edge")
			.withKubeVersion("1.31.0")
			.withValuesFile(write(root.resolve("values.yaml"), values))
			.call();
		for (Object document : new Yaml().loadAll(rendered)) {
			if (document != null) {
				this.manifests.add((Map<String, Object>) document);
			}
		}
		Map<String, Object> deployment = manifest("Deployment", "edge-edge-gateway");
		this.pod = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
		List<Map<String, Object>> containers = (List<Map<String, Object>>) spec(this.pod).get("containers");
		this.container = containers.get(0);
	}

	/**
	 * A Secret the installation expects to exist (one a values entry names, such as the
	 * login client's secret), as {@code kubectl create secret} would leave it.
	 * @param name the Secret's name
	 * @param data its keys and (plain) values
	 * @return this rendering
	 */
	ChartRendering withExistingSecret(String name, Map<String, String> data) {
		this.existingSecrets.put(name, Map.copyOf(data));
		return this;
	}

	/**
	 * Write the mounted volumes' files, as the kubelet does for a starting pod, under the
	 * root directory at their mount paths, with the mount paths in their contents moved
	 * under the root too: for a gateway started in this JVM.
	 */
	@SuppressWarnings("unchecked")
	void mountVolumes() {
		for (Map<String, Object> mount : (List<Map<String, Object>>) this.container.get("volumeMounts")) {
			Path directory = inPod((String) mount.get("mountPath"));
			volumeFiles((String) mount.get("name"))
				.forEach((name, content) -> write(directory.resolve(name), relocate(content)));
			directory.toFile().mkdirs();
		}
	}

	/**
	 * Write each mounted volume's files, as they are, into a directory of its own under
	 * the root: for a container that mounts them at their mount paths.
	 * @return the container's mounts, in the order the pod lists them
	 */
	@SuppressWarnings("unchecked")
	List<VolumeMount> volumeMounts() {
		List<VolumeMount> mounts = new ArrayList<>();
		for (Map<String, Object> mount : (List<Map<String, Object>>) this.container.get("volumeMounts")) {
			String name = (String) mount.get("name");
			Path directory = this.root.resolve("volumes").resolve(name);
			directory.toFile().mkdirs();
			volumeFiles(name).forEach((file, content) -> write(directory.resolve(file), content));
			if (volume(name).containsKey("emptyDir")) {
				// As the kubelet makes an emptyDir: writable by every user.
				setPermissions(directory, "rwxrwxrwx");
			}
			mounts.add(new VolumeMount(directory, (String) mount.get("mountPath"),
					Boolean.TRUE.equals(mount.get("readOnly"))));
		}
		return mounts;
	}

	/**
	 * The container's environment as the kubelet sets it: plain values, and values from
	 * the existing Secrets.
	 * @return the variables by name, in the order the container lists them
	 */
	@SuppressWarnings("unchecked")
	Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Map<String, Object> variable : (List<Map<String, Object>>) this.container.get("env")) {
			String name = (String) variable.get("name");
			if (variable.get("valueFrom") instanceof Map<?, ?> valueFrom
					&& valueFrom.get("secretKeyRef") instanceof Map<?, ?> reference) {
				environment.put(name, secretData((String) reference.get("name")).get((String) reference.get("key")));
			}
			else {
				environment.put(name, String.valueOf(variable.get("value")));
			}
		}
		return environment;
	}

	/**
	 * The files a volume shows the container: a ConfigMap's or Secret's keys (or the
	 * items it selects, at their paths); none for an emptyDir.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, String> volumeFiles(String name) {
		Map<String, Object> volume = volume(name);
		Map<String, String> files = new LinkedHashMap<>();
		if (volume.get("configMap") instanceof Map<?, ?> configMap) {
			files.putAll(data(manifest("ConfigMap", (String) configMap.get("name"))));
		}
		else if (volume.get("secret") instanceof Map<?, ?> secret) {
			Map<String, String> data = secretData((String) secret.get("secretName"));
			if (secret.get("items") instanceof List<?> items) {
				for (Map<String, String> item : (List<Map<String, String>>) items) {
					files.put(item.get("path"), data.get(item.get("key")));
				}
			}
			else {
				files.putAll(data);
			}
		}
		return files;
	}

	/**
	 * A Secret's data: rendered by the chart, or one of the existing Secrets.
	 */
	private Map<String, String> secretData(String name) {
		Map<String, String> existing = this.existingSecrets.get(name);
		if (existing != null) {
			return existing;
		}
		Map<String, String> decoded = new LinkedHashMap<>();
		data(manifest("Secret", name)).forEach((key, base64) -> decoded.put(key,
				new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
		return decoded;
	}

	/**
	 * The properties the container's environment sets, in the form the application reads
	 * them.
	 * @return properties by name
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> environmentProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Map<String, Object> variable : (List<Map<String, Object>>) this.container.get("env")) {
			String name = (String) variable.get("name");
			if (!"SPRING_CONFIG_ADDITIONAL_LOCATION".equals(name)) {
				throw new IllegalStateException("The chart sets " + name + ": teach this test what it means");
			}
			properties.put("spring.config.additional-location", relocate((String) variable.get("value")));
		}
		return properties;
	}

	@SuppressWarnings("unchecked")
	String probePath(String probe) {
		return (String) ((Map<String, Object>) ((Map<String, Object>) this.container.get(probe)).get("httpGet"))
			.get("path");
	}

	Map<String, Object> podTemplate() {
		return this.pod;
	}

	/**
	 * The files of a rendered ConfigMap, as the pod would see them.
	 * @param name the ConfigMap's name
	 * @return its files' contents by file name
	 */
	Map<String, String> configMap(String name) {
		return data(manifest("ConfigMap", name));
	}

	private String relocate(String content) {
		return content.replace("/etc/edge-gateway/", this.root + "/etc/edge-gateway/");
	}

	private Path inPod(String path) {
		return this.root.resolve(path.substring(1));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> volume(String name) {
		return ((List<Map<String, Object>>) spec(this.pod).get("volumes")).stream()
			.filter((volume) -> name.equals(volume.get("name")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> manifest(String kind, String name) {
		return this.manifests.stream()
			.filter((manifest) -> kind.equals(manifest.get("kind"))
					&& name.equals(((Map<String, Object>) manifest.get("metadata")).get("name")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The chart rendered no " + kind + " " + name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> spec(Map<String, Object> object) {
		return (Map<String, Object>) object.get("spec");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> data(Map<String, Object> manifest) {
		Object data = manifest.get("data");
		return (data != null) ? (Map<String, String>) data : Map.of();
	}

	/**
	 * A volume the container mounts: its files on this machine, where the container sees
	 * them, and whether read-only.
	 *
	 * @param directory the volume's files
	 * @param mountPath the path in the container
	 * @param readOnly whether the container may only read them
	 */
	record VolumeMount(Path directory, String mountPath, boolean readOnly) {
	}

	private static void setPermissions(Path directory, String permissions) {
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
