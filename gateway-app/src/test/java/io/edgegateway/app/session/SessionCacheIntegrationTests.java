package io.edgegateway.app.session;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.app.support.TwoReplicas;
import io.edgegateway.filters.support.PrivateRedis;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each replica serves the sessions it knows from memory and hears from Redis of every
 * change: a warm session request reads nothing from Redis, and a logout or a revocation
 * on one replica (or in Redis itself) ends the session on every replica within a second.
 */
class SessionCacheIntegrationTests {

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static TwoReplicas<String, String> replicas;

	private static GatewayInstance first;

	private static GatewayInstance second;

	private static StatefulRedisConnection<String, String> redis;

	private final SessionCookieCalls calls = new SessionCookieCalls("/api/session-cache");

	@BeforeAll
	static void startReplicas() {
		replicas = TwoReplicas.start(NAMESPACE);
		first = replicas.first();
		second = replicas.second();
		redis = replicas.redis();
	}

	@AfterAll
	static void stopReplicas() {
		replicas.close();
	}

	@Test
	void warmSessionRequestsReadNothingFromRedis() throws Exception {
		String session = signIn("alice");
		assertThat(redis.sync().exists(sessionKey(session))).isEqualTo(1);
		assertServedFromMemory(session);
	}

	@Test
	void replicasTrustTheirMemoryAgainAfterRedisMissedAHeartbeat() throws Exception {
		String session = signIn("alice");
		assertThat(this.calls.userAt(first, session)).isEqualTo("alice");
		redis.sync().clientPause(1500);
		Thread.sleep(1600);
		assertServedFromMemory(session);
	}

	private void assertServedFromMemory(String session) throws InterruptedException {
		assertThat(this.calls.userAt(first, session)).isEqualTo("alice");
		assertThat(this.calls.userAt(second, session)).isEqualTo("alice");
		Thread.sleep(1100);
		long deadline = System.nanoTime() + Duration.ofMillis(2500).toNanos();
		int served = 0;
		while (System.nanoTime() < deadline) {
			assertThat(this.calls.userAt(first, session)).isEqualTo("alice");
			assertThat(this.calls.userAt(second, session)).isEqualTo("alice");
			served += 2;
			Thread.sleep(100);
		}
		assertThat(served).isGreaterThan(10);
		assertThat(redis.sync().objectIdletime(sessionKey(session)))
			.as("seconds since the session key was last read or written")
			.isGreaterThanOrEqualTo(2);
	}

	private static String sessionKey(String session) {
		return NAMESPACE + ":sessions:" + session;
	}

	@Test
	void logoutOnOneReplicaEndsTheSessionOnTheOtherWithinASecond() {
		TestBrowser browser = new TestBrowser();
		browser.signIn(first.url() + "/", "bob", "bob-password");
		String session = browser.cookie("EDGE_SESSION").orElseThrow();
		assertThat(this.calls.userAt(second, session)).isEqualTo("bob");
		HttpResponse<String> logout = browser.post(first.url() + "/logout", "", "X-XSRF-TOKEN",
				browser.cookie("XSRF-TOKEN").orElseThrow());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(this.calls.millisUntilRefused(second, System.nanoTime(), session)).isLessThan(1000);
		assertThat(this.calls.status(first, session)).isEqualTo(401);
	}

	@Test
	void sessionDeletedInRedisEndsOnEveryReplicaWithinASecond() {
		String session = signIn("alice");
		assertThat(this.calls.userAt(first, session)).isEqualTo("alice");
		assertThat(this.calls.userAt(second, session)).isEqualTo("alice");
		redis.sync().del(sessionKey(session));
		assertThat(this.calls.millisUntilRefused(first, System.nanoTime(), session)).isLessThan(1000);
		assertThat(this.calls.millisUntilRefused(second, System.nanoTime(), session)).isLessThan(1000);
	}

	@Test
	void idleSessionEndsWithinTheTouchIntervalWhileAnActiveOneLives() throws Exception {
		Map<String, Object> shortSessions = GatewayInstance.redisSessions(GatewayInstance.newNamespace());
		shortSessions.put("edge.session.timeout", "4s");
		shortSessions.put("edge.session.touch-interval", "1s");
		String idp = TestServers.idp().issuer();
		String upstream = TestServers.upstream().uri().toString();
		try (GatewayInstance a = GatewayInstance.start(idp, upstream, shortSessions);
				GatewayInstance b = GatewayInstance.start(idp, upstream, shortSessions)) {
			TestBrowser browser = new TestBrowser();
			browser.signIn(a.url() + "/", "bob", "bob-password");
			String session = browser.cookie("EDGE_SESSION").orElseThrow();
			long activeUntil = System.nanoTime() + Duration.ofSeconds(7).toNanos();
			while (System.nanoTime() < activeUntil) {
				assertThat(this.calls.userAt(b, session)).as("an active session outlives its idle timeout")
					.isEqualTo("bob");
				Thread.sleep(250);
			}
			Thread.sleep(5500);
			assertThat(this.calls.status(a, session)).isEqualTo(401);
			assertThat(this.calls.status(b, session)).isEqualTo(401);
		}
	}

	@Test
	void redisStoppedThenSessionRequestsGet503WithRetryAfterAndBearerRequestsAreServed() {
		try (PrivateRedis redis = PrivateRedis.start()) {
			Map<String, Object> properties = GatewayInstance.redisSessions(GatewayInstance.newNamespace());
			properties.put("spring.data.redis.host", "127.0.0.1");
			properties.put("spring.data.redis.port", redis.port());
			try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
					TestServers.upstream().uri().toString(), properties)) {
				String session = signIn(gateway, "alice");
				assertThat(this.calls.userAt(gateway, session)).isEqualTo("alice");
				String bearer = TestServers.idp()
					.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), Instant.now(),
							Instant.now().plusSeconds(300));
				redis.stop();
				HttpResponse<String> refused = await().atMost(Duration.ofSeconds(10))
					.until(() -> this.calls.get(gateway, session), (response) -> response.statusCode() != 200);
				assertThat(refused.statusCode()).isEqualTo(503);
				assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
				assertThat(refused.body()).contains("\"error\":\"session_store_unavailable\"");
				HttpResponse<String> served = this.calls
					.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/bearer"))
						.header("Authorization", "Bearer " + bearer)
						.header("Accept", "application/json")
						.build());
				assertThat(served.statusCode()).isEqualTo(200);
				assertThat(Echo.of(served).header("X-User-Id")).containsExactly("carol");
			}
		}
	}

	private String signIn(String user) {
		return signIn(first, user);
	}

	private static String signIn(GatewayInstance gateway, String user) {
		TestBrowser browser = new TestBrowser();
		browser.signIn(gateway.url() + "/", user, user + "-password");
		return browser.cookie("EDGE_SESSION").orElseThrow();
	}

}
