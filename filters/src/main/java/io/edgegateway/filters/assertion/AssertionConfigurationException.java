package io.edgegateway.filters.assertion;

import java.util.List;

/**
 * Thrown at startup when the identity assertion configuration is unusable. Carries every
 * problem at once, each naming its property, so an operator fixes them in one pass.
 */
public class AssertionConfigurationException extends IllegalStateException {

	private final List<String> problems;

	public AssertionConfigurationException(List<String> problems) {
		super("Invalid identity assertion configuration:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> getProblems() {
		return this.problems;
	}

}
