package io.edgegateway.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.edgegateway.app.deploy.ChartRendering.VolumeMount;
import io.edgegateway.app.deploy.ImageLayers.Image;

/**
 * An unpacked image run as a container runtime runs it, without one: in a mount namespace
 * of its own ({@code unshare}), the image's layers as a read-only root (the pod's
 * {@code readOnlyRootFilesystem}), the pod's volumes mounted at their paths, the kernel's
 * {@code /proc}, {@code /dev} and {@code /sys} and the machine's {@code /etc/hosts} and
 * {@code /etc/resolv.conf} (as the kubelet gives every container), then the image's
 * entrypoint and cmd, as its user, in its working directory, with its environment and the
 * pod's. Needs root (CI runs as root); shares the machine's network and process table.
 */
final class ImageContainer implements AutoCloseable {

	private static final Path UNSHARE = Path.of("/usr/bin/unshare");

	/**
	 * The paths mounted from the machine into every container.
	 */
	private static final List<String> KERNEL_FILESYSTEMS = List.of("/proc", "/dev", "/sys");

	private static final List<String> NETWORK_FILES = List.of("/etc/hosts", "/etc/resolv.conf");

	private final Process process;

	private final Path log;

	private ImageContainer(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Why containers cannot run here, if they cannot.
	 * @return the reason, or empty when they can
	 */
	static Optional<String> unavailable() {
		if (!"root".equals(System.getProperty("user.name"))) {
			return Optional.of("running an image's layers as a container needs root (mount namespaces)");
		}
		if (!Files.isExecutable(UNSHARE)) {
			return Optional.of(UNSHARE + " (util-linux) is missing");
		}
		return Optional.empty();
	}

	/**
	 * Start a container.
	 * @param image the unpacked image
	 * @param mounts the pod's volumes
	 * @param environment the pod's environment for the container, over the image's
	 * @param log the file the container's output goes to
	 * @return the running container
	 */
	static ImageContainer start(Image image, List<VolumeMount> mounts, Map<String, String> environment, Path log) {
		Path rootfs = image.rootfs();
		StringBuilder script = new StringBuilder("set -e\n");
		mount(script, "--bind", rootfs.toString(), rootfs);
		for (String filesystem : KERNEL_FILESYSTEMS) {
			mountPoint(rootfs, filesystem, true);
			mount(script, "--rbind", filesystem, rootfs.resolve(filesystem.substring(1)));
		}
		for (String file : NETWORK_FILES) {
			mountPoint(rootfs, file, false);
			mount(script, "--bind", file, rootfs.resolve(file.substring(1)));
		}
		for (VolumeMount volume : mounts) {
			Path target = mountPoint(rootfs, volume.mountPath(), true);
			mount(script, "--bind", volume.directory().toString(), target);
			if (volume.readOnly()) {
				script.append("mount -o remount,bind,ro ").append(quoted(target.toString())).append('\n');
			}
		}
		script.append("mount -o remount,bind,ro ").append(quoted(rootfs.toString())).append('\n');
		script.append("exec ")
			.append(UNSHARE)
			.append(" --root=")
			.append(quoted(rootfs.toString()))
			.append(" --wd=")
			.append(quoted(image.config().workingDir()))
			.append(" --setuid=")
			.append(image.config().uid())
			.append(" --setgid=")
			.append(image.config().gid())
			.append(" -- \"$@\"\n");
		List<String> command = new ArrayList<>(List.of(UNSHARE.toString(), "--mount", "--propagation", "private",
				"--fork", "--", "/bin/sh", "-c", script.toString(), "container"));
		command.addAll(image.config().command());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().putAll(image.config().env());
		builder.environment().putAll(environment);
		try {
			return new ImageContainer(builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The container's main process (the entrypoint's), as the machine sees it.
	 * @return the process, once the entrypoint runs
	 */
	Optional<ProcessHandle> entrypoint() {
		return this.process.descendants().filter((process) -> !process.descendants().findAny().isPresent()).findFirst();
	}

	boolean isRunning() {
		return this.process.isAlive();
	}

	/**
	 * What the container wrote so far.
	 * @return its output
	 */
	String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Stop the container as the kubelet does: {@code SIGTERM} to its main process, then
	 * wait.
	 * @return the entrypoint's exit status
	 */
	int stop() {
		entrypoint().ifPresent(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
				this.process.waitFor();
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stop the container if it still runs, and copy its output to the test's (the test
	 * report keeps it).
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			stop();
		}
		System.out.println(output());
	}

	/**
	 * Create a mount point in the image's root, as a container runtime does before it
	 * makes the root read-only.
	 */
	private static Path mountPoint(Path rootfs, String path, boolean directory) {
		Path target = rootfs.resolve(path.substring(1));
		try {
			if (directory) {
				Files.createDirectories(target);
			}
			else if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Files.createFile(target);
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void mount(StringBuilder script, String how, String source, Path target) {
		script.append("mount ")
			.append(how)
			.append(' ')
			.append(quoted(source))
			.append(' ')
			.append(quoted(target.toString()))
			.append('\n');
	}

	private static String quoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

}
