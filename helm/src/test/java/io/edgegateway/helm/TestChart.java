package io.edgegateway.helm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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

	private final Map<String, Object> sets = new LinkedHashMap<>();

	private Path valuesFile;

	/**
	 * The chart's defaults and the one value every install must give: the gateway's
	 * public base URL.
	 * @return the chart
	 */
	static TestChart defaults() {
		return bare().set("application.edge.security.public-base-url", "https://gateway.example.com");
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

	static LintResult lint(boolean strict) {
		var lint = new Helm(CHART).lint();
		return strict ? lint.strict().call() : lint.call();
	}

	private TemplateCommand command() {
		TemplateCommand template = new Helm(CHART).template()
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
