package io.edgegateway.filters.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of the test's own: {@code redis-server} nodes in cluster mode on
 * loopback ports, joined by {@code redis-cli --cluster create}, every hash slot served
 * before the cluster is handed out. Keys of one test land on several nodes, so a command
 * or script that touches keys of different slots fails here as it does in production
 * ({@code CROSSSLOT}). With replicas, a test may kill the primary that serves a key and
 * watch the cluster promote its replica, as a lost machine would make it.
 */
public final class RedisCluster implements AutoCloseable {

	private static final String HOST = RedisCli.HOST;

	/**
	 * A node's cluster bus listens on its port plus this; both must be free and below
	 * 65536.
	 */
	private static final int BUS_PORT_OFFSET = 10000;

	/**
	 * How long a node goes unanswered before the others count it failed and its replica
	 * takes over; production clusters use 15 s, a test waits less.
	 */
	private static final String NODE_TIMEOUT_MILLIS = "2000";

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
		return start(primaries, 0);
	}

	/**
	 * Start a cluster of primaries, each with replicas of its own.
	 * @param primaries how many primaries share the hash slots (at least 3)
	 * @param replicasPerPrimary how many replicas each primary has
	 * @return the running cluster, every slot served, every replica in sync
	 */
	public static RedisCluster start(int primaries, int replicasPerPrimary) {
		Path directory = temporaryDirectory();
		List<PrivateRedis> nodes = new ArrayList<>();
		RedisCluster cluster = new RedisCluster(nodes, directory);
		try {
			for (int i = 0; i < primaries * (1 + replicasPerPrimary); i++) {
				int port = freeNodePort();
				nodes.add(PrivateRedis.start(port,
						List.of("--cluster-enabled", "yes", "--cluster-config-file",
								directory.resolve("nodes-" + port + ".conf").toString(), "--dir", directory.toString(),
								"--cluster-node-timeout", NODE_TIMEOUT_MILLIS)));
			}
			cluster.create(replicasPerPrimary);
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

	/**
	 * Kill ({@code SIGKILL}) the primary that serves a key, as a lost machine would. Its
	 * replica takes over once the other nodes count it failed (the node timeout, 2 s, and
	 * an election): {@link #awaitFailedOver} waits for that.
	 * @param key the key
	 * @return the killed node
	 */
	public PrivateRedis killPrimaryOf(String key) {
		PrivateRedis primary = primaryOf(key);
		primary.kill();
		return primary;
	}

	/**
	 * Wait until another node serves a key's slot and the cluster is whole again.
	 * @param key the key
	 * @param killed the primary that served it
	 */
	public void awaitFailedOver(String key, PrivateRedis killed) {
		RedisCli.await(30,
				() -> servingPrimaryOf(key).filter((primary) -> primary != killed).isPresent()
						&& allRunningNodesReportOk(),
				"No replica took over from " + HOST + ":" + killed.port() + " in the Redis Cluster on " + nodes());
	}

	/**
	 * The primary that serves a key's slot now, as the running nodes see it.
	 * @param key the key
	 * @return the node
	 */
	public PrivateRedis primaryOf(String key) {
		return servingPrimaryOf(key).orElseThrow(
				() -> new IllegalStateException("No primary serves " + key + " in the Redis Cluster on " + nodes()));
	}

	private Optional<PrivateRedis> servingPrimaryOf(String key) {
		PrivateRedis any = this.nodes.stream().filter(PrivateRedis::running).findFirst().orElseThrow();
		int slot = Integer.parseInt(RedisCli.command(any.port(), "cluster", "keyslot", key).trim());
		for (String line : RedisCli.command(any.port(), "cluster", "nodes").split("\n")) {
			String[] fields = line.trim().split(" ");
			if (fields.length > 8 && fields[2].contains("master") && !fields[2].contains("fail")
					&& servesSlot(fields, slot)) {
				int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
				return this.nodes.stream().filter((node) -> node.port() == port).findFirst();
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a {@code CLUSTER NODES} line's slot ranges ({@code 0-5460}, {@code 42})
	 * include a slot.
	 */
	private static boolean servesSlot(String[] fields, int slot) {
		for (int i = 8; i < fields.length; i++) {
			if (fields[i].startsWith("[")) {
				continue;
			}
			String[] range = fields[i].split("-");
			int first = Integer.parseInt(range[0]);
			int last = (range.length == 2) ? Integer.parseInt(range[1]) : first;
			if (slot >= first && slot <= last) {
				return true;
			}
		}
		return false;
	}

	private void create(int replicasPerPrimary) {
		List<String> command = new ArrayList<>(List.of("--cluster", "create"));
		this.nodes.forEach((node) -> command.add(HOST + ":" + node.port()));
		command.addAll(List.of("--cluster-replicas", String.valueOf(replicasPerPrimary), "--cluster-yes"));
		String output = RedisCli.run(command);
		if (!output.contains("[OK] All 16384 slots covered")) {
			throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
		}
		RedisCli.await(30, () -> allRunningNodesReportOk() && (replicasPerPrimary == 0 || replicasInSync()),
				"The Redis Cluster on " + nodes() + " did not reach cluster_state:ok");
	}

	private boolean allRunningNodesReportOk() {
		return this.nodes.stream()
			.filter(PrivateRedis::running)
			.allMatch((node) -> RedisCli.command(node.port(), "cluster", "info").contains("cluster_state:ok"));
	}

	private boolean replicasInSync() {
		return this.nodes.stream()
			.map((node) -> RedisCli.command(node.port(), "info", "replication"))
			.allMatch((replication) -> replication.contains("role:master")
					|| replication.contains("master_link_status:up"));
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
