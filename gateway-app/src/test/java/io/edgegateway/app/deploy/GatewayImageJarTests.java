package io.edgegateway.app.deploy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.deploy.ImageLayers.Image;
import io.edgegateway.app.support.GatewayInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway image the build writes ({@code target/image/edge-gateway.tar}, Jib on the
 * Java 25 base assembled here) starts from its own layers: its entrypoint, JVM flags,
 * environment, working directory and user, on a read-only root, with the volumes and
 * environment the chart renders for the minimal install values, and answers
 * {@code /readyz} against the test identity provider.
 * <p>
 * What this does not prove: the release's base image (distroless Java 25, pulled from its
 * registry by {@code jib:build}) is not the one run here; no container runtime, cgroup
 * limit, network namespace or seccomp profile is involved (the container shares the
 * machine's network, so the test moves its ports with the chart's {@code extraEnv}). Runs
 * in the {@code integration-test} phase, after {@code package} built the image.
 */
class GatewayImageJarTests {

	/**
	 * The image tarball, set by the {@code jar-tests} execution; absent where the build
	 * made no image (no JDK 25 to assemble its base from: profile {@code local-image}).
	 */
	private static final String IMAGE = System.getProperty("edge.image.tar");

	private static Image image;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path pod;

	@BeforeAll
	static void unpackTheImage(@TempDir Path work) {
		assumeTrue(IMAGE != null, "runs in the jar-tests execution, after package built the image");
		assumeTrue(Files.isRegularFile(Path.of(IMAGE)),
				"no image at " + IMAGE + ": the build assembles its base from a JDK 25 (profile local-image)");
		ImageContainer.unavailable().ifPresent((reason) -> assumeTrue(false, reason));
		image = ImageLayers.unpack(Path.of(IMAGE), work);
	}

	@Test
	void imageStartsFromItsOwnLayersAsTheChartRunsItAndAnswersReadyz() throws Exception {
		int port = GatewayInstance.freePort();
		int managementPort = GatewayInstance.freePort();
		ChartRendering chart = new ChartRendering(ChartInstall.minimalValues("http://127.0.0.1:" + port, """
				extraEnv:
				  - name: SERVER_PORT
				    value: "%d"
				  - name: MANAGEMENT_SERVER_PORT
				    value: "%d"
				""".formatted(port, managementPort)), this.pod).withExistingSecret(ChartInstall.CLIENT_SECRET_NAME,
				Map.of(ChartInstall.CLIENT_SECRET_KEY, "edge-gateway-secret"));
		assertThat(image.config().user()).isEqualTo("65532:65532");
		assertThat(image.config().entrypoint()).startsWith("java").contains("-XX:MaxRAMPercentage=70");
		try (ImageContainer container = ImageContainer.start(image, chart.volumeMounts(), chart.environment(),
				this.pod.resolve("container.log"))) {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				assertThat(container.isRunning()).as("the container exited:\n%s", container.output()).isTrue();
				assertThat(statusOnceListening("http://127.0.0.1:" + port + "/readyz")).as(container.output())
					.isEqualTo(200);
			});
			ProcessHandle java = container.entrypoint().orElseThrow();
			assertThat(java.info().command()).hasValueSatisfying(
					(command) -> assertThat(command).endsWith(image.rootfs() + "/opt/java/openjdk/bin/java"));
			assertThat(procFile(java, "status")).as("real, effective, saved and file-system uid")
				.containsPattern("(?m)^Uid:\\s+65532\\s+65532\\s+65532\\s+65532$");
			assertThat(rootMountOptions(java)).as("the container's root mount's options").contains("ro");
			String version = get("http://127.0.0.1:" + managementPort + "/actuator/metrics/jvm.info").body();
			assertThat(version).contains("\"25.");
			assertThat(status("http://127.0.0.1:" + managementPort + chart.probePath("readinessProbe"))).isEqualTo(200);
			assertThat(container.stop()).as("exit status after SIGTERM (graceful shutdown)").isEqualTo(143);
		}
	}

	/**
	 * The status, or -1 while nothing listens yet.
	 */
	private int statusOnceListening(String url) throws Exception {
		try {
			return status(url);
		}
		catch (ConnectException ex) {
			return -1;
		}
	}

	private int status(String url) throws Exception {
		return get(url).statusCode();
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String procFile(ProcessHandle process, String file) throws IOException {
		return Files.readString(Path.of("/proc", Long.toString(process.pid()), file));
	}

	/**
	 * The options of the process's root mount, as it sees it ({@code /proc/<pid>/mounts}:
	 * device, mount point, type, options, ...).
	 */
	private static List<String> rootMountOptions(ProcessHandle process) throws IOException {
		return procFile(process, "mounts").lines()
			.map((mount) -> mount.split(" "))
			.filter((fields) -> fields[1].equals("/"))
			.reduce((first, last) -> last)
			.map((fields) -> List.of(fields[3].split(",")))
			.orElse(List.of());
	}

}
