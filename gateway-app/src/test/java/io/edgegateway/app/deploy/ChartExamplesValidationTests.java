package io.edgegateway.app.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.edgegateway.app.validation.RouteValidationCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's examples go through the route validator as a team's CI would run it: each
 * values file of {@code helm/examples}, and the example commented out in the chart's
 * {@code values.yaml}, rendered by the real helm; the rendered settings ConfigMap is the
 * gateway's configuration ({@code --config}), the routes ConfigMap's files the route
 * files. Every file must apply.
 */
class ChartExamplesValidationTests {

	private static final Path EXAMPLES = Path.of("..", "helm", "examples");

	private static final Path VALUES = Path.of(System.getProperty("edge.chart", "../helm/edge-gateway"))
		.resolve("values.yaml");

	/**
	 * A required value's example, commented out in {@code values.yaml}.
	 */
	private static final Pattern REQUIRED_EXAMPLE = Pattern
		.compile("^(\\s*)# (publicBaseUrl|issuerUri|clientId|secretName):");

	@TempDir
	Path work;

	static Stream<Path> examples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			List<Path> examples = files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
				.sorted()
				.toList();
			assertThat(examples).extracting((file) -> file.getFileName().toString()).contains("production-values.yaml");
			return examples.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyExampleValuesFilesRoutesWouldApplyWithTheSettingsItRenders(Path example) throws IOException {
		assertEveryRouteFileApplies(Files.readString(example));
	}

	@Test
	void theExampleCommentedOutInTheChartsValuesRendersRoutesThatWouldApply() throws IOException {
		String example = uncommented(Files.readString(VALUES));
		assertThat(example).contains("\npublicBaseUrl: https://", "application:\n  spring:", "routes:\n  orders: |",
				"TokenExchange");
		assertEveryRouteFileApplies(example);
	}

	private void assertEveryRouteFileApplies(String values) throws IOException {
		ChartRendering chart = new ChartRendering(values, this.work.resolve("chart"));
		Path configuration = Files.writeString(this.work.resolve("application.yaml"),
				chart.configMap("edge-edge-gateway").get("application.yaml"));
		Path routes = Files.createDirectories(this.work.resolve("routes"));
		Map<String, String> files = chart.configMap("edge-edge-gateway-routes");
		assertThat(files).isNotEmpty();
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(routes.resolve(file.getKey()), file.getValue());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = RouteValidationCommand.run(
				new String[] { "--validate", routes.toString(), "--config", configuration.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(report).isZero();
		assertThat(report).contains(files.size() + " route files: " + files.size() + " OK");
	}

	/**
	 * The chart's values with the examples uncommented in their place: the required
	 * values, and the blocks under {@code application: {}} and {@code routes: {}}.
	 */
	private static String uncommented(String values) {
		StringBuilder example = new StringBuilder();
		List<String> lines = values.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.equals("application: {}") || line.equals("routes: {}")) {
				example.append(line, 0, line.length() - " {}".length()).append('\n');
				for (i++; i < lines.size() && lines.get(i).startsWith("  # "); i++) {
					example.append("  ").append(lines.get(i).substring("  # ".length())).append('\n');
				}
				i--;
			}
			else {
				example.append(REQUIRED_EXAMPLE.matcher(line).replaceAll("$1$2:")).append('\n');
			}
		}
		return example.toString();
	}

}
