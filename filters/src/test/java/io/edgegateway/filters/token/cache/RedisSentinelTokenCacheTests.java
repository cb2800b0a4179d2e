package io.edgegateway.filters.token.cache;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.support.RedisSentinel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
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
		// The first command asks a Sentinel for the primary; it is not the cache's to
		// time.
		try (ReactiveRedisConnection connection = connectionFactory.getReactiveConnection()) {
			connection.ping().block(Duration.ofSeconds(30));
		}
		EncryptionProperties keys = new EncryptionProperties();
		keys.setActiveKey("k1");
		keys.setKeys(Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])));
		cache = new RedisTokenCache(connectionFactory, AesGcmCipher.from(keys, "test"),
				"edge-test:" + UUID.randomUUID() + ":token:", Duration.ofSeconds(2));
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
