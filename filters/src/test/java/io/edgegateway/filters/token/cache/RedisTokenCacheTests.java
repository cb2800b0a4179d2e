package io.edgegateway.filters.token.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.support.RedisSupport;
import io.edgegateway.filters.support.UnboundEncryption;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.filters.token.TokenKind;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTokenCacheTests extends TokenCacheContractTests {

	private static final String PREFIX = "edge-test:" + UUID.randomUUID() + ":token:";

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static LettuceConnectionFactory connectionFactory;

	private static RedisTokenCache cache;

	@BeforeAll
	static void connect() {
		RedisSupport redis = RedisSupport.redis();
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
		connectionFactory.afterPropertiesSet();
		// The first command opens the shared connection, which on a busy machine can take
		// longer than the cache's 2 s timeout, failing whichever test comes first.
		new ReactiveStringRedisTemplate(connectionFactory).hasKey(PREFIX + "warm-up").block(Duration.ofSeconds(30));
		EncryptionProperties keys = new EncryptionProperties();
		keys.setActiveKey("k1");
		keys.setKeys(Map.of("k1", KEY));
		cache = new RedisTokenCache(connectionFactory, AesGcmCipher.from(keys, "test"), PREFIX, Duration.ofSeconds(2));
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Override
	protected TokenCache cache() {
		return cache;
	}

	@Test
	void putThenRedisHoldsNeitherTheTokenNorTheSubjectInClear() {
		TokenKey key = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp")
			.subject("alice@example.com")
			.tenant("t1")
			.build();
		MintedToken token = new MintedToken("eyJhbGciOiJSUzI1NiJ9.the-token-value", Instant.now().plusSeconds(300));
		StepVerifier.create(cache.put(key, token, Duration.ofMinutes(1))).verifyComplete();
		RedisClient client = RedisClient.create(RedisSupport.redis().url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			byte[] redisKey = (PREFIX + key.hash()).getBytes(StandardCharsets.UTF_8);
			String stored = new String(connection.sync().get(redisKey), StandardCharsets.ISO_8859_1);
			assertThat(stored).doesNotContain("eyJ").doesNotContain("the-token-value");
			assertThat(connection.sync().ttl(redisKey)).isBetween(1L, 60L);
			assertThat(new String(redisKey, StandardCharsets.UTF_8)).doesNotContain("alice").matches(".*[0-9a-f]{64}");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void getWhenValueCopiedFromAnotherUsersKeyThenMissAndNotServed() {
		TokenKey alice = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp").subject("alice").audience("orders").build();
		TokenKey mallory = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp")
			.subject("mallory")
			.audience("orders")
			.build();
		MintedToken token = new MintedToken("alice-token",
				Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.MILLIS));
		StepVerifier.create(cache.put(alice, token, Duration.ofMinutes(1))).verifyComplete();
		withRedis((redis) -> redis.set(redisKey(mallory), redis.get(redisKey(alice))));
		StepVerifier.create(cache.get(mallory)).verifyComplete();
		StepVerifier.create(cache.get(alice)).expectNext(token).verifyComplete();
	}

	@Test
	void getWhenValueWrittenBeforeValuesWereBoundThenMiss() {
		TokenKey key = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "reports-sa").build();
		byte[] old = UnboundEncryption.encrypt("k1", KEY,
				ByteBuffer.allocate(16 + 3).putLong(-1).putLong(-1).put("old".getBytes()).array());
		withRedis((redis) -> redis.setex(redisKey(key), 60, old));
		StepVerifier.create(cache.get(key)).verifyComplete();
	}

	private static byte[] redisKey(TokenKey key) {
		return (PREFIX + key.hash()).getBytes(StandardCharsets.UTF_8);
	}

	private static void withRedis(Consumer<RedisCommands<byte[], byte[]>> commands) {
		RedisClient client = RedisClient.create(RedisSupport.redis().url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			commands.accept(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

}
