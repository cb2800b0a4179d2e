package io.edgegateway.filters.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis of a test's own, on its own port, that the test may stop and start again to see
 * what the gateway does while Redis is gone. Runs the machine's {@code redis-server}
 * ({@code .ci/run} installs it).
 */
public final class PrivateRedis implements AutoCloseable {

	private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/redis-server"),
			Path.of("/usr/local/bin/redis-server"));

	private static final List<Path> SENTINEL_BINARIES = List.of(Path.of("/usr/bin/redis-sentinel"),
			Path.of("/usr/local/bin/redis-sentinel"));

	private final int port;

	private final List<String> command;

	private Process process;

	private PrivateRedis(int port, List<String> command) {
		this.port = port;
		this.command = command;
	}

	/**
	 * Start a Redis on a free port.
	 * @return the running Redis
	 */
	public static PrivateRedis start() {
		return start(freePort(), List.of());
	}

	/**
	 * Start a Redis on a given port with further {@code redis-server} arguments (a
	 * cluster node's, for instance).
	 * @param port the port
	 * @param arguments the further arguments
	 * @return the running Redis
	 */
	public static PrivateRedis start(int port, List<String> arguments) {
		return started(port, serverCommand(port, arguments));
	}

	/**
	 * A Redis on a free port that is not running yet, as one that is down when the
	 * gateway starts: {@link #resume()} starts it.
	 * @return the Redis, stopped
	 */
	public static PrivateRedis stopped() {
		int port = freePort();
		return new PrivateRedis(port, serverCommand(port, List.of()));
	}

	/**
	 * Start a Redis on a free port that keeps its data in a directory (an append-only
	 * file written on every command), so that what it held is there again after
	 * {@link #stop()} and {@link #resume()}.
	 * @param directory where the data lives
	 * @return the running Redis
	 */
	public static PrivateRedis persistent(Path directory) {
		return start(freePort(), List.of("--appendonly", "yes", "--appendfsync", "always", "--dir",
				directory.toAbsolutePath().toString()));
	}

	private static List<String> serverCommand(int port, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(binary(BINARIES, "redis-server"), "--port", String.valueOf(port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
		command.addAll(arguments);
		return List.copyOf(command);
	}

	/**
	 * Start a Redis Sentinel ({@code redis-sentinel}) on a given port.
	 * @param port the port
	 * @param configuration its configuration file, which it rewrites as it learns the
	 * topology
	 * @return the running Sentinel
	 */
	public static PrivateRedis startSentinel(int port, Path configuration) {
		return started(port, List.of(binary(SENTINEL_BINARIES, "redis-sentinel"), configuration.toString(), "--port",
				String.valueOf(port), "--bind", "127.0.0.1"));
	}

	private static PrivateRedis started(int port, List<String> command) {
		PrivateRedis redis = new PrivateRedis(port, List.copyOf(command));
		redis.resume();
		return redis;
	}

	private static String binary(List<Path> candidates, String name) {
		return candidates.stream()
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("This test runs a Redis of its own and needs " + name + " "
					+ candidates + " (apt-get install " + name + "; .ci/run does)"))
			.toString();
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stop the server, as an outage would.
	 */
	public void stop() {
		end(false);
	}

	/**
	 * Kill the server ({@code SIGKILL}), as a crash or a lost machine would: no shutdown,
	 * no last word to its replicas or clients.
	 */
	public void kill() {
		end(true);
	}

	private void end(boolean forcibly) {
		if (this.process != null) {
			if (forcibly) {
				this.process.destroyForcibly();
			}
			else {
				this.process.destroy();
			}
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/**
	 * Whether the server runs (was not stopped or killed).
	 * @return whether it runs
	 */
	public boolean running() {
		return this.process != null;
	}

	/**
	 * Start the server again on the same port.
	 */
	public void resume() {
		try {
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + this.command.get(0), ex);
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!RedisSupport.answersPing("127.0.0.1", this.port)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.command.get(0) + " did not answer on port " + this.port);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * A port nothing listens on now.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
