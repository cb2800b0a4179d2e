package io.edgegateway.filters.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.lettuce.core.RedisURI;

/**
 * A real Redis Sentinel setup of the test's own, on loopback ports: one primary and one
 * replica ({@code redis-server}), watched by three Sentinels ({@code redis-sentinel}, a
 * quorum of two). A test may kill the primary and watch the Sentinels promote the
 * replica, as a lost machine would make them.
 */
public final class RedisSentinel implements AutoCloseable {

	/**
	 * The name the Sentinels monitor the primary under
	 * ({@code spring.data.redis.sentinel.master}).
	 */
	public static final String MASTER = "edge";

	private static final String HOST = RedisCli.HOST;

	private static final int SENTINELS = 3;

	private final List<PrivateRedis> servers = new ArrayList<>();

	private final List<PrivateRedis> sentinels = new ArrayList<>();

	private final Path directory;

	private RedisSentinel(Path directory) {
		this.directory = directory;
	}

	/**
	 * Start a primary, its replica and three Sentinels.
	 * @return the running setup, the replica in sync and every Sentinel aware of the
	 * others
	 */
	public static RedisSentinel start() {
		RedisSentinel setup = new RedisSentinel(temporaryDirectory());
		try {
			// A replica keeps the copy it receives in a file of its working directory.
			String directory = setup.directory.toString();
			PrivateRedis primary = PrivateRedis.start(PrivateRedis.freePort(), List.of("--dir", directory));
			setup.servers.add(primary);
			PrivateRedis replica = PrivateRedis.start(PrivateRedis.freePort(),
					List.of("--dir", directory, "--replicaof", HOST, String.valueOf(primary.port())));
			setup.servers.add(replica);
			for (int i = 0; i < SENTINELS; i++) {
				setup.sentinels
					.add(PrivateRedis.startSentinel(PrivateRedis.freePort(), setup.configuration(primary.port(), i)));
			}
			RedisCli.await(30, setup::settled,
					"The Redis Sentinels on " + setup.nodes() + " did not see the primary, its replica and each other");
			return setup;
		}
		catch (RuntimeException ex) {
			setup.close();
			throw ex;
		}
	}

	/**
	 * The Sentinels as {@code spring.data.redis.sentinel.nodes} takes them.
	 * @return e.g. {@code 127.0.0.1:31001,127.0.0.1:31002,127.0.0.1:31003}
	 */
	public String nodes() {
		return this.sentinels.stream().map((node) -> HOST + ":" + node.port()).collect(Collectors.joining(","));
	}

	/**
	 * A Lettuce URI that finds the primary through the Sentinels.
	 * @return the URI
	 */
	public RedisURI uri() {
		RedisURI.Builder uri = RedisURI.Builder.sentinel(HOST, this.sentinels.get(0).port(), MASTER);
		this.sentinels.stream().skip(1).forEach((sentinel) -> uri.withSentinel(HOST, sentinel.port()));
		return uri.build();
	}

	/**
	 * The server the Sentinels name the primary now.
	 * @return the primary
	 */
	public PrivateRedis primary() {
		String[] address = RedisCli.command(runningSentinel().port(), "sentinel", "get-master-addr-by-name", MASTER)
			.trim()
			.split("\\s+");
		int port = Integer.parseInt(address[1]);
		return this.servers.stream().filter((server) -> server.port() == port).findFirst().orElseThrow();
	}

	/**
	 * Kill ({@code SIGKILL}) the primary, as a lost machine would. The Sentinels promote
	 * the replica once they agree it is down (1 s) and elect a leader:
	 * {@link #awaitFailedOver} waits for that.
	 * @return the killed primary
	 */
	public PrivateRedis killPrimary() {
		PrivateRedis primary = primary();
		primary.kill();
		return primary;
	}

	/**
	 * Wait until the Sentinels name another primary and it accepts writes.
	 * @param killed the primary that was killed
	 */
	public void awaitFailedOver(PrivateRedis killed) {
		RedisCli.await(30, () -> {
			PrivateRedis primary = primary();
			return primary != killed && RedisCli.command(primary.port(), "role").startsWith("master");
		}, "The Redis Sentinels on " + nodes() + " did not promote the replica of " + HOST + ":" + killed.port());
	}

	/**
	 * Each Sentinel knows the primary, one replica and the two other Sentinels.
	 */
	private boolean settled() {
		return this.sentinels.stream().allMatch((sentinel) -> {
			List<String> fields = List
				.of(RedisCli.command(sentinel.port(), "sentinel", "master", MASTER).trim().split("\\n"));
			return value(fields, "flags").equals("master") && value(fields, "num-slaves").equals("1")
					&& value(fields, "num-other-sentinels").equals(String.valueOf(SENTINELS - 1));
		});
	}

	/**
	 * A field of {@code SENTINEL MASTER}'s answer, which redis-cli prints one name or
	 * value a line.
	 */
	private static String value(List<String> fields, String name) {
		int index = fields.indexOf(name);
		return (index < 0 || index + 1 >= fields.size()) ? "" : fields.get(index + 1);
	}

	private PrivateRedis runningSentinel() {
		return this.sentinels.stream().filter(PrivateRedis::running).findFirst().orElseThrow();
	}

	/**
	 * A Sentinel's configuration file: down after 1 s unanswered (production uses 30 s; a
	 * test waits less), a quorum of two.
	 */
	private Path configuration(int primaryPort, int index) {
		Path file = this.directory.resolve("sentinel-" + index + ".conf");
		List<String> lines = List.of("dir " + this.directory,
				"sentinel monitor " + MASTER + " " + HOST + " " + primaryPort + " 2",
				"sentinel down-after-milliseconds " + MASTER + " 1000",
				"sentinel failover-timeout " + MASTER + " 10000", "sentinel parallel-syncs " + MASTER + " 1");
		try {
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("redis-sentinel");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.sentinels.forEach(PrivateRedis::close);
		this.servers.forEach(PrivateRedis::close);
		try (var files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind does no harm
		}
	}

}
