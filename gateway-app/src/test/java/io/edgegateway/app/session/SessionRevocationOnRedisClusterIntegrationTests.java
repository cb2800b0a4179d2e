package io.edgegateway.app.session;

import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.filters.support.RedisCluster;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;

/**
 * Every session index, revocation and sign-out-everywhere test again, on a real Redis
 * Cluster of three primaries, each with a replica: a session, its user's index and its
 * provider session's index hash to different slots (usually different nodes), so a
 * command or script that touched two of them would be refused ({@code CROSSSLOT}).
 * Sign-in moves the session to a new id (a new key, in another slot) as well.
 */
class SessionRevocationOnRedisClusterIntegrationTests extends SessionRevocationIntegrationTests {

	private final RedisCluster cluster = RedisCluster.start(3, 1);

	private RedisClusterClient client;

	@Override
	Map<String, Object> redisSessions(String namespace) {
		return GatewayInstance.redisSessions(namespace,
				Map.of("spring.data.redis.cluster.nodes", this.cluster.nodes()));
	}

	@Override
	RedisClusterCommands<String, String> connectRedis() {
		this.client = RedisClusterClient.create(RedisURI.create("redis://" + this.cluster.nodes().split(",")[0]));
		return this.client.connect().sync();
	}

	@AfterAll
	void stopCluster() {
		this.client.shutdown();
		this.cluster.close();
	}

}
