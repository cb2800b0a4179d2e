package io.edgegateway.app.session;

import java.util.Map;

import io.edgegateway.filters.support.PrivateRedis;
import io.edgegateway.filters.support.RedisSentinel;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failover tests on a real Redis Sentinel setup: the primary ({@code redis-server})
 * killed, three Sentinels agree it is down after 1 s and promote its replica; the
 * gateways' connections ask the Sentinels for the new primary when they reconnect.
 */
class RedisSentinelFailoverIntegrationTests extends RedisFailoverIntegrationTests {

	private final RedisSentinel sentinel = RedisSentinel.start();

	private RedisClient client;

	@Override
	Map<String, Object> redis() {
		Map<String, Object> documented = documented("# Redis Sentinel", "spring.data.redis.sentinel.nodes",
				this.sentinel.nodes());
		assertThat(documented).containsEntry("spring.data.redis.sentinel.master", RedisSentinel.MASTER);
		return documented;
	}

	@Override
	RedisClusterCommands<String, String> connectRedis() {
		this.client = RedisClient.create(this.sentinel.uri());
		return this.client.connect().sync();
	}

	@Override
	Runnable killPrimaryOf(String key) {
		PrivateRedis killed = this.sentinel.killPrimary();
		return () -> this.sentinel.awaitFailedOver(killed);
	}

	@AfterAll
	void stopSentinel() {
		if (this.client != null) {
			this.client.shutdown();
		}
		this.sentinel.close();
	}

}
