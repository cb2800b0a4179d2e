package io.edgegateway.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart under test, rendered by the real helm (helm-java ships its native library).
 * Each render starts from the chart's defaults plus the given values files and
 * {@code --set} values.
 */
final class TestChart {

	static final Path CHART = Path.of(System.getProperty("edge.chart", "edge-gateway"));

	/**
	 * The chart needs Kubernetes 1.30 (the preStop sleep action); helm's offline default
	 * is older.
	 */
	static final String KUBE_VERSION = "1.31.0";

	static final Path EXAMPLES = Path.of(System.getProperty("edge.examples", "examples"));

	static final Path PRODUCTION_VALUES = EXAMPLES.resolve("production-values.yaml");

	/**
	 * A required value's example, commented out in {@code values.yaml}.
	 */
	private static final Pattern REQUIRED_EXAMPLE = Pattern
		.compile("(?m)^(\\s*)# (publicBaseUrl|issuerUri|clientId|secretName):");

	private final Map<String, Object> sets = new LinkedHashMap<>();

	private Path valuesFile;

	/**
	 * The chart's defaults and the values every install must give: the gateway's public
	 * base URL and its OIDC client (issuer, client id, the client secret's Secret).
	 * @return the chart
	 */
	static TestChart defaults() {
		return bare().set("publicBaseUrl", "https://gateway.example.com")
			.set("idp.issuerUri", "https://login.example.com/realms/corp")
			.set("idp.clientId", "edge-gateway")
			.set("idp.clientSecret.secretName", "edge-gateway-idp");
	}

	/**
	 * The chart's defaults alone.
	 * @return the chart
	 */
	static TestChart bare() {
		return new TestChart();
	}

	static TestChart production() {
		return new TestChart().values(PRODUCTION_VALUES);
	}

	TestChart values(Path file) {
		this.valuesFile = file;
		return this;
	}

	TestChart set(String key, Object value) {
		this.sets.put(key, value);
		return this;
	}

	RenderedChart render() {
		return new RenderedChart(command().call());
	}

	/**
	 * Render, expecting helm to refuse the values.
	 * @return helm's message
	 */
	String refusal() {
		try {
			String manifests = command().call();
			throw new AssertionError("helm rendered the chart instead of refusing the values:\n" + manifests);
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * {@code helm lint} of the chart with the required values given: those that
	 * {@code values.yaml} shows commented out, uncommented in a copy of the chart (helm
	 * lint refuses the chart's bare defaults, as {@code helm install} does).
	 * @param strict whether to lint strictly
	 * @return the result
	 */
	static LintResult lint(boolean strict) {
		Path chart = copy();
		edit(chart.resolve("values.yaml"), (values) -> REQUIRED_EXAMPLE.matcher(values).replaceAll("$1$2:"));
		var lint = new Helm(chart).lint();
		return strict ? lint.strict().call() : lint.call();
	}

	/**
	 * Render the chart's {@code helm test} hooks, which {@code helm template} leaves out:
	 * in a copy of the chart whose hook annotations are renamed to
	 * {@code rendered.helm.sh/hook}, so that they render as plain manifests.
	 * @return the rendered chart, hooks included
	 */
	RenderedChart renderWithTestHooks() {
		Path chart = copy();
		try (Stream<Path> tests = Files.list(chart.resolve("templates/tests"))) {
			tests
				.forEach((test) -> edit(test, (template) -> template.replace("helm.sh/hook", "rendered.helm.sh/hook")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RenderedChart(command(chart).call());
	}

	private static Path copy() {
		try {
			Path copy = Files.createTempDirectory("edge-gateway-chart").resolve(CHART.getFileName());
			try (Stream<Path> files = Files.walk(CHART)) {
				for (Path file : files.toList()) {
					Path target = copy.resolve(CHART.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(file, target);
					}
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void edit(Path file, UnaryOperator<String> edit) {
		try {
			Files.writeString(file, edit.apply(Files.readString(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private TemplateCommand command() {
		return command(CHART);
	}

	private TemplateCommand command(Path chart) {
		TemplateCommand template = new Helm(chart).template()
			.withName("edge")
			.withNamespace("gateway")
			.withKubeVersion(KUBE_VERSION);
		if (this.valuesFile != null) {
			template = template.withValuesFile(this.valuesFile);
		}
		for (Map.Entry<String, Object> set : this.sets.entrySet()) {
			template = template.set(set.getKey(), set.getValue());
		}
		return template;
	}

}
