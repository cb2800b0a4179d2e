package io.edgegateway.filters.token.cache;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.support.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
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
		// The first command learns the cluster's topology; it is not the cache's to time.
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
		cluster.close();
	}

	@Override
	protected TokenCache cache() {
		return cache;
	}

}
