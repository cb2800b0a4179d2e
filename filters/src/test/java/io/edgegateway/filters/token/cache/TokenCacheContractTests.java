package io.edgegateway.filters.token.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;

import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.filters.token.TokenKind;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every token cache does, run against each implementation.
 */
abstract class TokenCacheContractTests {

	/**
	 * A cache on a Redis topology (Sentinel, Cluster) under a fresh prefix, once its
	 * connection answers: the first command (asking a Sentinel for the primary, learning
	 * the cluster's slots) is not the cache's to time.
	 * @param connectionFactory connects to the topology
	 * @return the cache
	 */
	static RedisTokenCache redisTokenCache(LettuceConnectionFactory connectionFactory) {
		try (ReactiveRedisConnection connection = connectionFactory.getReactiveConnection()) {
			connection.ping().block(Duration.ofSeconds(30));
		}
		EncryptionProperties keys = new EncryptionProperties();
		keys.setActiveKey("k1");
		keys.setKeys(Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])));
		return new RedisTokenCache(connectionFactory, AesGcmCipher.from(keys, "test"),
				"edge-test:" + UUID.randomUUID() + ":token:", Duration.ofSeconds(2));
	}

	private static final MintedToken TOKEN = new MintedToken("eyJhbGciOiJSUzI1NiJ9.secret-token",
			Instant.parse("2030-01-01T00:00:00Z"));

	protected abstract TokenCache cache();

	@Test
	void getWhenStoredThenSameTokenAndExpiry() {
		TokenKey key = key("stored");
		StepVerifier.create(cache().put(key, TOKEN, Duration.ofMinutes(1))).verifyComplete();
		StepVerifier.create(cache().get(key)).expectNext(TOKEN).verifyComplete();
	}

	@Test
	void getWhenNeverStoredOrEvictedThenEmpty() {
		TokenKey key = key("evicted");
		StepVerifier.create(cache().get(key)).verifyComplete();
		StepVerifier.create(cache().put(key, TOKEN, Duration.ofMinutes(1)).then(cache().evict(key))).verifyComplete();
		StepVerifier.create(cache().get(key)).verifyComplete();
	}

	@Test
	void getWhenTimeToLivePassedThenEmpty() {
		TokenKey key = key("short");
		StepVerifier.create(cache().put(key, TOKEN, Duration.ofMillis(1100))).verifyComplete();
		StepVerifier.create(cache().get(key)).expectNext(TOKEN).verifyComplete();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> StepVerifier.create(cache().get(key)).verifyComplete());
	}

	@Test
	void getWhenOtherKeyThenNeverAnotherKeysToken() {
		TokenKey alice = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp").subject("alice").build();
		TokenKey bob = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp").subject("bob").build();
		StepVerifier.create(cache().put(alice, TOKEN, Duration.ofMinutes(1))).verifyComplete();
		StepVerifier.create(cache().get(bob)).verifyComplete();
		assertThat(alice).isNotEqualTo(bob);
	}

	@Test
	void evictOwnerThenThatUsersTokensGoAndOthersStay() {
		String alice = "alice-" + System.nanoTime();
		TokenKey aliceOrders = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp")
			.subject(alice)
			.audience("orders")
			.build();
		TokenKey aliceReports = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp")
			.subject(alice)
			.audience("reports")
			.build();
		TokenKey bob = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp").subject("bob-" + System.nanoTime()).build();
		TokenKey gateway = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "reports-sa" + System.nanoTime()).build();
		for (TokenKey key : new TokenKey[] { aliceOrders, aliceReports, bob, gateway }) {
			StepVerifier.create(cache().put(key, TOKEN, Duration.ofMinutes(1))).verifyComplete();
		}
		StepVerifier.create(cache().evictOwner(TokenKey.owner(alice))).verifyComplete();
		StepVerifier.create(cache().get(aliceOrders)).verifyComplete();
		StepVerifier.create(cache().get(aliceReports)).verifyComplete();
		StepVerifier.create(cache().get(bob)).expectNext(TOKEN).verifyComplete();
		StepVerifier.create(cache().get(gateway)).expectNext(TOKEN).verifyComplete();
		assertThat(gateway.owner()).isNull();
	}

	@Test
	void evictSessionOwnerThenThatSessionsTokensGoAndTheUsersOtherSessionsStay() {
		String alice = "alice-" + System.nanoTime();
		String laptopSession = "laptop-" + System.nanoTime();
		TokenKey laptop = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp")
			.subject(alice)
			.session(laptopSession)
			.build();
		TokenKey phone = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp")
			.subject(alice)
			.session("phone-" + System.nanoTime())
			.build();
		TokenKey bearer = TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp").subject(alice).build();
		assertThat(laptop.hash()).isNotEqualTo(phone.hash()).isNotEqualTo(bearer.hash());
		assertThat(laptop.owner()).isEqualTo(TokenKey.sessionOwner(laptopSession)).isNotEqualTo(TokenKey.owner(alice));
		for (TokenKey key : new TokenKey[] { laptop, phone, bearer }) {
			StepVerifier.create(cache().put(key, TOKEN, Duration.ofMinutes(1))).verifyComplete();
		}
		StepVerifier.create(cache().evictOwner(TokenKey.sessionOwner(laptopSession))).verifyComplete();

		StepVerifier.create(cache().get(laptop)).verifyComplete();
		StepVerifier.create(cache().get(phone)).expectNext(TOKEN).verifyComplete();
		StepVerifier.create(cache().get(bearer)).expectNext(TOKEN).verifyComplete();
	}

	protected TokenKey key(String name) {
		return TokenKey.builder(TokenKind.SERVICE_ACCOUNT, getClass().getSimpleName())
			.subject(name + System.nanoTime())
			.build();
	}

}
