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

	private final Path binary;

	private final int port;

	private final List<String> arguments;

	private Process process;

	private PrivateRedis(Path binary, int port, List<String> arguments) {
		this.binary = binary;
		this.port = port;
		this.arguments = arguments;
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
		PrivateRedis redis = new PrivateRedis(binary(), port, List.copyOf(arguments));
		redis.resume();
		return redis;
	}

	/**
	 * A Redis on a free port that is not running yet, as one that is down when the
	 * gateway starts: {@link #resume()} starts it.
	 * @return the Redis, stopped
	 */
	public static PrivateRedis stopped() {
		return new PrivateRedis(binary(), freePort(), List.of());
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

	private static Path binary() {
		return BINARIES.stream()
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("This test runs a Redis of its own and needs redis-server "
					+ BINARIES + " (apt-get install redis-server; .ci/run does)"));
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stop the server, as an outage would.
	 */
	public void stop() {
		if (this.process != null) {
			this.process.destroy();
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
	 * Start the server again on the same port.
	 */
	public void resume() {
		try {
			List<String> command = new ArrayList<>(List.of(this.binary.toString(), "--port", String.valueOf(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
			command.addAll(this.arguments);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + this.binary, ex);
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!RedisSupport.answersPing("127.0.0.1", this.port)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("redis-server did not answer on port " + this.port);
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
