package io.edgegateway.filters.identity;

import java.util.List;

/**
 * Thrown at startup when the identity header configuration is unusable. Carries every
 * problem at once, each naming the property and the header, so an operator fixes them in
 * one pass.
 */
public class IdentityHeadersConfigurationException extends IllegalStateException {

	private final List<String> problems;

	public IdentityHeadersConfigurationException(List<String> problems) {
		super("Invalid identity header configuration:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> getProblems() {
		return this.problems;
	}

}
