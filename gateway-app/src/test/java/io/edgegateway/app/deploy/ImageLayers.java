package io.edgegateway.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OCI image tarball (as {@code jib:buildTar} writes it) unpacked as a container
 * runtime does: the index's one manifest, its config, and its layers applied in order
 * into a root filesystem, whiteouts included. Uses the machine's {@code tar}, which keeps
 * the layers' modes, owners and links.
 */
final class ImageLayers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String WHITEOUT = ".wh.";

	private static final String OPAQUE = ".wh..wh..opq";

	private ImageLayers() {
	}

	/**
	 * Unpack an image.
	 * @param tarball the OCI image tarball
	 * @param work an empty directory to work in
	 * @return the image's config and the directory its layers were applied to
	 */
	static Image unpack(Path tarball, Path work) {
		Path layout = work.resolve("layout");
		Path rootfs = work.resolve("rootfs");
		run(List.of("tar", "-xf", tarball.toString(), "-C", directory(layout).toString()));
		JsonNode index = read(layout.resolve("index.json"));
		JsonNode manifest = read(blob(layout, index.get("manifests").get(0).get("digest").asString()));
		JsonNode config = read(blob(layout, manifest.get("config").get("digest").asString()));
		directory(rootfs);
		for (JsonNode layer : manifest.get("layers")) {
			apply(blob(layout, layer.get("digest").asString()), rootfs);
		}
		return new Image(ImageConfig.from(config.get("config")), rootfs);
	}

	/**
	 * Apply one layer: first what its whiteouts delete from the layers below, then its
	 * files, then remove the whiteout markers themselves.
	 */
	private static void apply(Path layer, Path rootfs) {
		List<String> entries = run(List.of("tar", "-tzf", layer.toString()));
		List<Path> markers = new ArrayList<>();
		for (String entry : entries) {
			Path path = rootfs.resolve(entry).normalize();
			String name = path.getFileName().toString();
			if (name.equals(OPAQUE)) {
				clear(path.getParent());
				markers.add(path);
			}
			else if (name.startsWith(WHITEOUT)) {
				delete(path.resolveSibling(name.substring(WHITEOUT.length())));
				markers.add(path);
			}
		}
		run(List.of("tar", "-xzf", layer.toString(), "-C", rootfs.toString(), "--numeric-owner"));
		markers.forEach(ImageLayers::delete);
	}

	private static Path blob(Path layout, String digest) {
		String[] algorithmAndHex = digest.split(":", 2);
		return layout.resolve("blobs").resolve(algorithmAndHex[0]).resolve(algorithmAndHex[1]);
	}

	private static JsonNode read(Path file) {
		return JSON.readTree(file.toFile());
	}

	private static Path directory(Path directory) {
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void clear(Path directory) {
		if (Files.isDirectory(directory)) {
			run(List.of("find", directory.toString(), "-mindepth", "1", "-delete"));
		}
	}

	private static void delete(Path path) {
		run(List.of("rm", "-rf", path.toString()));
	}

	private static List<String> run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			List<String> output = new String(process.getInputStream().readAllBytes()).lines().toList();
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An unpacked image.
	 *
	 * @param config what the image runs, as whom, where
	 * @param rootfs its layers, applied
	 */
	record Image(ImageConfig config, Path rootfs) {
	}

	/**
	 * The image config's run settings (OCI image spec, {@code config}).
	 *
	 * @param entrypoint the {@code Entrypoint}
	 * @param cmd the {@code Cmd} (arguments after the entrypoint)
	 * @param env the {@code Env}, {@code NAME=value} entries
	 * @param workingDir the {@code WorkingDir}, {@code /} when none
	 * @param user the {@code User}, {@code uid[:gid]}
	 */
	record ImageConfig(List<String> entrypoint, List<String> cmd, Map<String, String> env, String workingDir,
			String user) {

		static ImageConfig from(JsonNode config) {
			Map<String, String> env = new java.util.LinkedHashMap<>();
			for (String entry : strings(config.get("Env"))) {
				String[] nameAndValue = entry.split("=", 2);
				env.put(nameAndValue[0], nameAndValue[1]);
			}
			String workingDir = text(config.get("WorkingDir"));
			return new ImageConfig(strings(config.get("Entrypoint")), strings(config.get("Cmd")), env,
					workingDir.isEmpty() ? "/" : workingDir, text(config.get("User")));
		}

		/**
		 * The command the container runs.
		 * @return the entrypoint followed by the cmd
		 */
		List<String> command() {
			List<String> command = new ArrayList<>(this.entrypoint);
			command.addAll(this.cmd);
			return command;
		}

		String uid() {
			return this.user.split(":")[0];
		}

		String gid() {
			String[] parts = this.user.split(":");
			return (parts.length > 1) ? parts[1] : parts[0];
		}

		private static List<String> strings(JsonNode array) {
			List<String> strings = new ArrayList<>();
			if (array != null && array.isArray()) {
				array.forEach((element) -> strings.add(element.asString()));
			}
			return strings;
		}

		private static String text(JsonNode node) {
			return (node != null && !node.isNull()) ? node.asString() : "";
		}

	}

}
