package io.edgegateway.app.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TwoReplicas;
import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored session format over two replicas on one real Redis, as someone who can write
 * to Redis but holds no encryption key would try it: a value copied into another user's
 * session, or into another field, does not decrypt (that user signs in again, the gateway
 * answers 401, never 500 and never the other user); a session written by the previous
 * release (JDK serialization, no associated data) is served, then rewritten in the
 * documented format 2 by that request.
 */
class SessionFormatIntegrationTests {

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static final String CONTEXT_FIELD = "sessionAttr:SPRING_SECURITY_CONTEXT";

	private static final String CLIENTS_FIELD = "sessionAttr:org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository.AUTHORIZED_CLIENTS";

	private static TwoReplicas<byte[], byte[]> replicas;

	private static GatewayInstance first;

	private static GatewayInstance second;

	private static StatefulRedisConnection<byte[], byte[]> redis;

	private final SessionCookieCalls calls = new SessionCookieCalls("/api/format");

	private final SessionKeys keys = new SessionKeys(NAMESPACE);

	@BeforeAll
	static void startReplicas() {
		replicas = TwoReplicas.start(NAMESPACE, ByteArrayCodec.INSTANCE);
		first = replicas.first();
		second = replicas.second();
		redis = replicas.redis();
	}

	@AfterAll
	static void stopReplicas() {
		replicas.close();
	}

	@Test
	void signInOnOneReplicaThenServedOnTheOtherAndStoredAsDocumentedJson() {
		String session = signIn(first, "alice");
		assertThat(this.calls.userAt(second, session)).isEqualTo("alice");
		String key = this.keys.session(session);
		JsonNode context = document(key, CONTEXT_FIELD);
		assertThat(context.get("format").asInt()).isEqualTo(2);
		assertThat(context.get("value").get("@class").asString())
			.isEqualTo("org.springframework.security.core.context.SecurityContextImpl");
		assertThat(context.get("value").get("authentication").get("@class").asString())
			.isEqualTo("org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken");
		assertThat(document(key, CLIENTS_FIELD).get("format").asInt()).isEqualTo(2);
		assertThat(text(commands().hget(bytes(key), bytes("lastAccessedTime")))).matches("[0-9]{13}");
		assertThat(text(commands().hget(bytes(key), bytes("maxInactiveInterval")))).matches("[0-9]+");
	}

	@Test
	void valueCopiedIntoAnotherUsersSessionThenThatUserSignsInAgainAndNeverBecomesTheOther() {
		String alice = signIn(first, "alice");
		String bob = signIn(second, "bob");
		assertThat(this.calls.userAt(first, bob)).isEqualTo("bob");
		byte[] aliceKey = bytes(this.keys.session(alice));
		byte[] bobKey = bytes(this.keys.session(bob));
		for (String field : new String[] { CONTEXT_FIELD, CLIENTS_FIELD }) {
			commands().hset(bobKey, bytes(field), commands().hget(aliceKey, bytes(field)));
		}
		long start = System.nanoTime();
		this.calls.millisUntilRefused(first, start, bob);
		this.calls.millisUntilRefused(second, start, bob);
		assertThat(this.calls.userAt(second, alice)).isEqualTo("alice");
	}

	@Test
	void valueCopiedIntoAnotherFieldThenUnreadable() {
		String session = signIn(first, "alice");
		byte[] key = bytes(this.keys.session(session));
		commands().hset(key, bytes("sessionAttr:SPRING_SECURITY_SAVED_REQUEST"),
				commands().hget(key, bytes(CONTEXT_FIELD)));
		this.calls.millisUntilRefused(second, System.nanoTime(), session);
	}

	@Test
	void sessionWrittenByThePreviousReleaseThenServedAndRewrittenInTheNewFormat() {
		String session = signIn(first, "bob");
		String key = this.keys.session(session);
		Session stored = repository(first).findById(session).block();
		assertThat(stored).isNotNull();
		commands().del(bytes(key));
		commands().hset(bytes(key), PreviousSessionFormat.hash(stored));
		commands().expire(bytes(key), 600);
		assertThat(SessionValueCodec.isPreviousFormat(commands().hget(bytes(key), bytes(CONTEXT_FIELD)))).isTrue();
		assertThat(this.calls.userAt(second, session)).isEqualTo("bob");
		Map<byte[], byte[]> rewritten = commands().hgetall(bytes(key));
		assertThat(rewritten.values()).noneMatch(SessionValueCodec::isPreviousFormat);
		assertThat(document(key, CONTEXT_FIELD).get("format").asInt()).isEqualTo(2);
		assertThat(this.calls.userAt(first, session)).isEqualTo("bob");
	}

	private static String signIn(GatewayInstance gateway, String user) {
		TestBrowser browser = new TestBrowser();
		assertThat(browser.signIn(gateway.url() + "/", user, user + "-password").statusCode()).isEqualTo(200);
		return browser.cookie("EDGE_SESSION").orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static ReactiveSessionRepository<Session> repository(GatewayInstance gateway) {
		return gateway.context().getBean(ReactiveSessionRepository.class);
	}

	/**
	 * A stored attribute decrypted as docs/security.md documents it: associated data
	 * {@code length(key) | key | field}.
	 */
	private static JsonNode document(String key, String field) {
		byte[] keyBytes = bytes(key);
		byte[] fieldBytes = bytes(field);
		byte[] associatedData = ByteBuffer.allocate(4 + keyBytes.length + fieldBytes.length)
			.putInt(keyBytes.length)
			.put(keyBytes)
			.put(fieldBytes)
			.array();
		byte[] stored = commands().hget(keyBytes, fieldBytes);
		return JsonMapper.builder().build().readTree(cipher().decrypt(stored, associatedData));
	}

	private static AesGcmCipher cipher() {
		EncryptionProperties properties = new EncryptionProperties();
		properties.setActiveKey("k1");
		properties.getKeys().put("k1", GatewayInstance.SESSION_KEY);
		return AesGcmCipher.from(properties, "edge.session.encryption");
	}

	private static RedisCommands<byte[], byte[]> commands() {
		return redis.sync();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
