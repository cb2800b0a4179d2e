package io.edgegateway.app.session;

import java.util.Map;
import java.util.stream.Stream;

import io.edgegateway.filters.support.PrivateRedis;
import io.edgegateway.filters.support.RedisCluster;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;

/**
 * The failover tests on a real Redis Cluster of three primaries, each with a replica: the
 * primary that holds a session killed, the other nodes count it failed after the node
 * timeout (2 s) and its replica takes over its slots; the gateways learn the new topology
 * by the refresh the gateway turns on (adaptive triggers and a period, see
 * {@code RedisEnvironmentPostProcessor}).
 */
class RedisClusterFailoverIntegrationTests extends RedisFailoverIntegrationTests {

	private final RedisCluster cluster = RedisCluster.start(3, 1);

	private RedisClusterClient client;

	@Override
	Map<String, Object> redis() {
		return documented("# Redis Cluster", "spring.data.redis.cluster.nodes", this.cluster.nodes());
	}

	@Override
	RedisClusterCommands<String, String> connectRedis() {
		// Any node that still runs tells the topology.
		this.client = RedisClusterClient.create(
				Stream.of(this.cluster.nodes().split(",")).map((node) -> RedisURI.create("redis://" + node)).toList());
		return this.client.connect().sync();
	}

	@Override
	Runnable killPrimaryOf(String key) {
		PrivateRedis killed = this.cluster.killPrimaryOf(key);
		return () -> this.cluster.awaitFailedOver(key, killed);
	}

	@AfterAll
	void stopCluster() {
		if (this.client != null) {
			this.client.shutdown();
		}
		this.cluster.close();
	}

}
