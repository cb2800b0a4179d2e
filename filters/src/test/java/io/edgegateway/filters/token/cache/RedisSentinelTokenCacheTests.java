package io.edgegateway.filters.token.cache;

import java.util.Set;

import io.edgegateway.filters.support.RedisSentinel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The token cache's contract on a real Redis Sentinel setup (a primary, its replica,
 * three Sentinels): the client finds the primary through the Sentinels.
 */
class RedisSentinelTokenCacheTests extends TokenCacheContractTests {

	private static RedisSentinel sentinel;

	private static LettuceConnectionFactory connectionFactory;

	private static RedisTokenCache cache;

	@BeforeAll
	static void connect() {
		sentinel = RedisSentinel.start();
		connectionFactory = new LettuceConnectionFactory(
				new RedisSentinelConfiguration(RedisSentinel.MASTER, Set.of(sentinel.nodes().split(","))));
		connectionFactory.afterPropertiesSet();
		cache = redisTokenCache(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
		sentinel.close();
	}

	@Override
	protected TokenCache cache() {
		return cache;
	}

}
