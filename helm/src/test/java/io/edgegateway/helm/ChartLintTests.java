package io.edgegateway.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint}, with helm's own rules.
 */
class ChartLintTests {

	@Test
	void chartPassesLint() {
		LintResult lint = TestChart.lint(false);
		assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
	}

	@Test
	void chartPassesStrictLintWithNothingWorseThanInformation() {
		LintResult lint = TestChart.lint(true);
		assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
		assertThat(lint.getMessages()).allMatch((message) -> message.startsWith("[INFO]"));
	}

}
