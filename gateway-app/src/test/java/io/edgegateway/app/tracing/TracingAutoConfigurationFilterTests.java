package io.edgegateway.app.tracing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the auto-configurations on the gateway's classpath the tracing switch lets
 * load: the real candidates, as Spring Boot lists them.
 */
class TracingAutoConfigurationFilterTests {

	private static final List<String> CANDIDATES = ImportCandidates
		.load(AutoConfiguration.class, TracingAutoConfigurationFilterTests.class.getClassLoader())
		.getCandidates();

	@Test
	void matchWhenTracingIsOffThenNoTracerExporterOrOpenTelemetrySdkLoads() {
		List<String> loaded = loaded(new MockEnvironment());
		assertThat(CANDIDATES).contains(
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
				"org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration");
		assertThat(loaded)
			.filteredOn((name) -> name.startsWith("org.springframework.boot.micrometer.tracing.")
					|| name.startsWith("org.springframework.boot.opentelemetry."))
			.containsExactly("org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration");
		assertThat(loaded).contains(
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration");
	}

	@Test
	void matchWhenTracingIsOnThenEverythingLoads() {
		assertThat(loaded(new MockEnvironment().withProperty("edge.tracing.enabled", "true")))
			.containsExactlyElementsOf(CANDIDATES);
	}

	private static List<String> loaded(MockEnvironment environment) {
		TracingAutoConfigurationFilter filter = new TracingAutoConfigurationFilter();
		filter.setEnvironment(environment);
		String[] candidates = CANDIDATES.toArray(String[]::new);
		boolean[] matches = filter.match(candidates, null);
		List<String> loaded = new ArrayList<>();
		for (int i = 0; i < candidates.length; i++) {
			if (matches[i]) {
				loaded.add(candidates[i]);
			}
		}
		return loaded;
	}

}
