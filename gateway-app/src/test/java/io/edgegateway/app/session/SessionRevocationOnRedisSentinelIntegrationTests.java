package io.edgegateway.app.session;

import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.filters.support.RedisSentinel;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;

/**
 * Every session index, revocation and sign-out-everywhere test again, on a real Redis
 * Sentinel setup (a primary, its replica, three Sentinels): the gateways find the primary
 * through the Sentinels, and their decoded session copies are kept true by client
 * tracking on the primary they found.
 */
class SessionRevocationOnRedisSentinelIntegrationTests extends SessionRevocationIntegrationTests {

	private final RedisSentinel sentinel = RedisSentinel.start();

	private RedisClient client;

	@Override
	Map<String, Object> redisSessions(String namespace) {
		return GatewayInstance.redisSessions(namespace, Map.of("spring.data.redis.sentinel.master",
				RedisSentinel.MASTER, "spring.data.redis.sentinel.nodes", this.sentinel.nodes()));
	}

	@Override
	RedisClusterCommands<String, String> connectRedis() {
		this.client = RedisClient.create(this.sentinel.uri());
		return this.client.connect().sync();
	}

	@AfterAll
	void stopSentinel() {
		this.client.shutdown();
		this.sentinel.close();
	}

}
