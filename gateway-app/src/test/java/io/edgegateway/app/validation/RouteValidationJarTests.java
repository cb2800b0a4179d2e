package io.edgegateway.app.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.edgegateway.app.support.RecordingPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The route validator as a team's CI runs it: {@code java -jar edge-gateway-app.jar
 * --validate ...} from the executable jar the build packaged, in a process of its own, in
 * a working directory that is not the source tree, with an empty environment (no secret
 * is set), the provider and Redis at a port that records every connection. Runs in the
 * {@code integration-test} phase, after {@code package} (gateway-app/pom.xml).
 */
class RouteValidationJarTests {

	/**
	 * The jar, set by the {@code jar-tests} execution. Named with {@code -Dtest}, this
	 * class also runs in the test phase (surefire lets {@code -Dtest} override the
	 * excludes), where there is no jar yet, or an old one: it is skipped there.
	 */
	private static final String JAR = System.getProperty("edge.jar");

	private static RecordingPort network;

	@TempDir
	Path work;

	@BeforeAll
	static void openNetwork() {
		assumeTrue(JAR != null, "runs in the jar-tests execution, after package");
		network = RecordingPort.open();
	}

	@AfterAll
	static void closeNetwork() {
		if (network != null) {
			network.close();
		}
	}

	@BeforeEach
	void writeTheTeamsRepository() {
		TeamRoutes.write(this.work.resolve("gateway.yaml"), TeamRoutes.gatewayConfiguration(network));
		TeamRoutes.write(this.work.resolve("routes/orders.yaml"), TeamRoutes.ORDERS);
		TeamRoutes.write(this.work.resolve("routes/shop/web.yaml"), TeamRoutes.SHOP_WEB);
		// Spring Boot would read this by default: the validator reads only the jar's
		// defaults and --config.
		TeamRoutes.write(this.work.resolve("application.yaml"), "edge.routes.teams.stray.files: [ orders.yaml ]\n");
	}

	@Test
	void jarWhenEveryFileWouldApplyThenExitsZeroAndWritesOnlyItsFindingsToStandardOutput() throws Exception {
		Result result = java("--validate", "routes", "--config", "gateway.yaml");
		assertThat(result.exit()).as(result.err()).isEqualTo(0);
		assertThat(result.out()).isEqualTo("""
				OK       orders.yaml [orders, orders-reports]
				OK       shop/web.yaml [shop]
				2 route files: 2 OK, 0 rejected
				""");
		assertThat(network.connections()).as("connections to the provider's and Redis's port").isZero();
	}

	@Test
	void jarWhenAFileWouldBeRejectedThenExitsOneWithJsonFindings() throws Exception {
		TeamRoutes.write(this.work.resolve("routes/shop/broken.yaml"), TeamRoutes.SHOP_BROKEN);
		Result result = java("--format", "json", "--validate", "routes", "--config", "gateway.yaml");
		assertThat(result.exit()).as(result.err()).isEqualTo(1);
		JsonNode report = JsonMapper.builder().build().readTree(result.out());
		assertThat(report.path("summary").toString()).isEqualTo("{\"files\":3,\"ok\":2,\"rejected\":1,\"problems\":3}");
		JsonNode problem = report.path("files").get(1).path("problems").get(0);
		assertThat(problem.path("file").asString()).isEqualTo("shop/broken.yaml");
		assertThat(report.path("files").get(1).path("path").asString()).isEqualTo("routes/shop/broken.yaml");
		assertThat(problem.path("line").asInt()).isEqualTo(2);
		assertThat(problem.path("route").asString()).isEqualTo("shop-admin");
		assertThat(network.connections()).isZero();
	}

	@Test
	void jarWhenTheDirectoryHasNoRouteFileThenExitsTwoWithOneLineOnStandardError() throws Exception {
		Files.createDirectories(this.work.resolve("empty"));
		Result result = java("--validate", "empty", "--config", "gateway.yaml");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("edge-gateway --validate: empty: no route files (*.yaml, *.yml, in it or "
				+ "one subdirectory down); nothing to validate\n");
	}

	private Result java(String... args) throws IOException, InterruptedException {
		Path jar = Path.of(JAR).toAbsolutePath();
		assertThat(jar).as("the executable jar 'package' builds").isRegularFile();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.work.toFile())
			.redirectOutput(this.work.resolve("stdout").toFile())
			.redirectError(this.work.resolve("stderr").toFile());
		builder.environment().clear();
		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the validator finished").isTrue();
		return new Result(process.exitValue(), Files.readString(this.work.resolve("stdout"), StandardCharsets.UTF_8),
				Files.readString(this.work.resolve("stderr"), StandardCharsets.UTF_8));
	}

	private record Result(int exit, String out, String err) {
	}

}
