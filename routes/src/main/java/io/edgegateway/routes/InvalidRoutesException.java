package io.edgegateway.routes;

import java.util.List;

/**
 * Routes that cannot serve, with every problem found, each naming its route.
 */
public class InvalidRoutesException extends IllegalStateException {

	private final List<String> problems;

	public InvalidRoutesException(List<String> problems) {
		super("Invalid routes:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> getProblems() {
		return this.problems;
	}

}
