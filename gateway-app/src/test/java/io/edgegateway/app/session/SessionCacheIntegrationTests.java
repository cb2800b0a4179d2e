package io.edgegateway.app.session;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.app.support.TwoReplicas;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

	private String signIn(String user) {
		return signIn(first, user);
	}

	private static String signIn(GatewayInstance gateway, String user) {
		TestBrowser browser = new TestBrowser();
		browser.signIn(gateway.url() + "/", user, user + "-password");
		return browser.cookie("EDGE_SESSION").orElseThrow();
	}

}
