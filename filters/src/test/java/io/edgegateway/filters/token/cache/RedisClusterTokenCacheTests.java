package io.edgegateway.filters.token.cache;

import java.util.List;

import io.edgegateway.filters.support.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The token cache's contract on a real Redis Cluster of three primaries, each with a
 * replica: a user's tokens and the set that lists them hash to different slots, and
 * forgetting a user deletes keys of several slots at once.
 */
class RedisClusterTokenCacheTests extends TokenCacheContractTests {

	private static RedisCluster cluster;

	private static LettuceConnectionFactory connectionFactory;

	private static RedisTokenCache cache;

	@BeforeAll
	static void connect() {
		cluster = RedisCluster.start(3, 1);
		connectionFactory = new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of(cluster.nodes().split(","))));
		connectionFactory.afterPropertiesSet();
		cache = redisTokenCache(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
		cluster.close();
	}

	@Override
	protected TokenCache cache() {
		return cache;
	}

}
