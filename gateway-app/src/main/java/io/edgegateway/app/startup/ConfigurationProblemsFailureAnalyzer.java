package io.edgegateway.app.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports every configuration problem at once, so an operator fixes them in one round,
 * not one restart per missing property.
 */
class ConfigurationProblemsFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblemsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblemsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set each property named above (docs/configuration.md describes them), then start the gateway again.",
				cause);
	}

}
