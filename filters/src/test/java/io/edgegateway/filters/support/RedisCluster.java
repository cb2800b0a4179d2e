package io.edgegateway.filters.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of the test's own: {@code redis-server} nodes in cluster mode on
 * loopback ports, joined by {@code redis-cli --cluster create}, every hash slot served
 * before the cluster is handed out. Keys of one test land on several nodes, so a command
 * or script that touches keys of different slots fails here as it does in production
 * ({@code CROSSSLOT}).
 */
public final class RedisCluster implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	/**
	 * A node's cluster bus listens on its port plus this; both must be free and below
	 * 65536.
	 */
	private static final int BUS_PORT_OFFSET = 10000;

	private final List<PrivateRedis> nodes;

	private final Path directory;

	private RedisCluster(List<PrivateRedis> nodes, Path directory) {
		this.nodes = nodes;
		this.directory = directory;
	}

	/**
	 * Start a cluster of primaries without replicas.
	 * @param primaries how many primaries share the hash slots (at least 3)
	 * @return the running cluster, every slot served
	 */
	public static RedisCluster start(int primaries) {
		Path directory = temporaryDirectory();
		List<PrivateRedis> nodes = new ArrayList<>();
		RedisCluster cluster = new RedisCluster(nodes, directory);
		try {
			for (int i = 0; i < primaries; i++) {
				int port = freeNodePort();
				nodes.add(PrivateRedis.start(port,
						List.of("--cluster-enabled", "yes", "--cluster-config-file",
								directory.resolve("nodes-" + port + ".conf").toString(), "--dir", directory.toString(),
								"--cluster-node-timeout", "2000")));
			}
			cluster.create();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * The nodes as {@code spring.data.redis.cluster.nodes} takes them.
	 * @return e.g. {@code 127.0.0.1:31001,127.0.0.1:31002,127.0.0.1:31003}
	 */
	public String nodes() {
		return this.nodes.stream().map((node) -> HOST + ":" + node.port()).collect(Collectors.joining(","));
	}

	private void create() {
		List<String> command = new ArrayList<>(List.of(redisCli(), "--cluster", "create"));
		this.nodes.forEach((node) -> command.add(HOST + ":" + node.port()));
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		String output = run(command);
		if (!output.contains("[OK] All 16384 slots covered")) {
			throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!allNodesReportOk()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The Redis Cluster on " + nodes() + " did not reach cluster_state:ok");
			}
			sleep(100);
		}
	}

	private boolean allNodesReportOk() {
		return this.nodes.stream()
			.allMatch(
					(node) -> run(List.of(redisCli(), "-h", HOST, "-p", String.valueOf(node.port()), "cluster", "info"))
						.contains("cluster_state:ok"));
	}

	private static String redisCli() {
		return Files.isExecutable(Path.of("/usr/bin/redis-cli")) ? "/usr/bin/redis-cli" : "redis-cli";
	}

	private static String run(List<String> command) {
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

	private static int freeNodePort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20000, 40000);
			if (free(port) && free(port + BUS_PORT_OFFSET)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port pair for a Redis Cluster node");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("redis-cluster");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.nodes.forEach(PrivateRedis::close);
		try (var files = Files.walk(this.directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind does no harm
		}
	}

}
