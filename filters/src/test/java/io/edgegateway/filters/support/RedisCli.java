package io.edgegateway.filters.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The machine's {@code redis-cli}, for the test topologies to set themselves up and look
 * at their own state ({@code CLUSTER NODES}, {@code SENTINEL MASTER}) as an operator
 * would.
 */
final class RedisCli {

	static final String HOST = "127.0.0.1";

	private RedisCli() {
	}

	/**
	 * One command against a server on loopback.
	 * @param port the server's port
	 * @param arguments the command and its arguments
	 * @return what redis-cli printed (empty when the server does not answer)
	 */
	static String command(int port, String... arguments) {
		List<String> command = new ArrayList<>(List.of("-h", HOST, "-p", String.valueOf(port)));
		command.addAll(List.of(arguments));
		return run(command);
	}

	/**
	 * redis-cli with any arguments ({@code --cluster create ...}).
	 * @param arguments the arguments
	 * @return what it printed
	 */
	static String run(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(binary());
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wait until a condition holds.
	 * @param seconds how long at most
	 * @param condition the condition
	 * @param failure what did not happen, for the exception
	 */
	static void await(int seconds, BooleanSupplier condition, String failure) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(failure);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String binary() {
		return Files.isExecutable(Path.of("/usr/bin/redis-cli")) ? "/usr/bin/redis-cli" : "redis-cli";
	}

}
