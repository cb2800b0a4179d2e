package io.edgegateway.loadtests;

import java.time.Duration;

/**
 * Where the simulations send load and what they size it by: the stack that
 * {@code load-tests/stack.sh start} runs, unless system properties say otherwise.
 */
final class LoadTarget {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:9180");

	static final String MANAGEMENT = System.getProperty("management", "http://127.0.0.1:9181");

	static final String IDP = System.getProperty("idp", "http://127.0.0.1:9100");

	private LoadTarget() {
	}

	static int users(int defaultUsers) {
		return Integer.getInteger("users", defaultUsers);
	}

	static Duration duration(Duration defaultDuration) {
		return Duration.ofSeconds(Long.getLong("seconds", defaultDuration.toSeconds()));
	}

	/**
	 * The first load-test user's number, so that runs against one stack can use fresh
	 * users ({@code -DfirstUser=20001}).
	 */
	static int firstUser() {
		return Integer.getInteger("firstUser", 1);
	}

}
