package io.edgegateway.app.startup;

import java.util.List;

/**
 * The gateway's configuration has problems, each naming the property to set.
 */
public class ConfigurationProblemsException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Create the exception.
	 * @param problems each problem, as {@code property: what is wrong}
	 */
	public ConfigurationProblemsException(List<String> problems) {
		super("The configuration has " + problems.size() + ((problems.size() == 1) ? " problem" : " problems")
				+ ":\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> getProblems() {
		return this.problems;
	}

}
