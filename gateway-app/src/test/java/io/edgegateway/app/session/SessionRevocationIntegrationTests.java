package io.edgegateway.app.session;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.RedisSupport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session index, revocation and sign-out everywhere over two replicas on one real
 * Redis: a user's sessions are listed on the management port without a token, a revoked
 * session's cookie is refused on the other replica within a second, {@code POST
 * /logout?scope=all} (CSRF-protected) ends every session of the user's, each revocation
 * is an audit event, and the index follows logouts and expiry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationIntegrationTests {

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GatewayInstance first;

	private GatewayInstance second;

	private RedisClusterCommands<String, String> redis;

	private final SessionCookieCalls calls = new SessionCookieCalls("/api/sessions");

	private final AuditEvents audit = new AuditEvents();

	private String user;

	private RedisClient redisClient;

	@BeforeAll
	void startReplicas() {
		String idp = TestServers.idp().issuer();
		String upstream = TestServers.upstream().uri().toString();
		this.first = GatewayInstance.start(idp, upstream, redisSessions(NAMESPACE));
		this.second = GatewayInstance.start(idp, upstream, redisSessions(NAMESPACE));
		this.redis = connectRedis();
	}

	/**
	 * The properties of a gateway whose sessions live in this test's Redis.
	 * @param namespace the session key namespace
	 * @return the properties
	 */
	Map<String, Object> redisSessions(String namespace) {
		return GatewayInstance.redisSessions(namespace);
	}

	/**
	 * A client of this test's Redis, to look at the index as the gateways left it.
	 * @return the client's commands
	 */
	RedisClusterCommands<String, String> connectRedis() {
		this.redisClient = RedisClient.create(RedisSupport.redis().url());
		return this.redisClient.connect().sync();
	}

	@AfterAll
	void stopReplicas() {
		this.first.close();
		this.second.close();
		if (this.redisClient != null) {
			this.redisClient.shutdown();
		}
	}

	@BeforeEach
	void startAudit() {
		this.user = "load-" + ThreadLocalRandom.current().nextInt(1, 100_000);
		this.audit.start();
	}

	@AfterEach
	void stopAudit() {
		this.audit.stop();
	}

	@Test
	void twoSignInsFromTwoBrowsersThenBothListedOnEitherReplicaWithoutAToken() {
		TestBrowser laptop = signIn(this.first);
		TestBrowser phone = signIn(this.second);
		String laptopSession = laptop.cookie("EDGE_SESSION").orElseThrow();
		String phoneSession = phone.cookie("EDGE_SESSION").orElseThrow();
		HttpResponse<String> listed = management(this.first, "GET", "/actuator/sessions?subject=" + this.user);
		assertThat(listed.statusCode()).isEqualTo(200);
		List<Map<String, Object>> sessions = sessions(listed);
		assertThat(sessions).hasSize(2);
		assertThat(sessions).extracting((session) -> session.get("handle"))
			.containsExactlyInAnyOrder(SessionKeys.hash(laptopSession), SessionKeys.hash(phoneSession));
		assertThat(sessions).allSatisfy((session) -> {
			assertThat(session).containsEntry("issuer", TestServers.idp().issuer())
				.containsEntry("subject", this.user)
				.containsEntry("clientAddress", "127.0.0.1")
				.containsKeys("created", "lastSeen", "expires", "userAgent");
			assertThat((String) session.get("userAgent")).startsWith("Java-http-client");
		});
		assertThat(listed.body()).doesNotContain(laptopSession)
			.doesNotContain(phoneSession)
			.doesNotContain("eyJ")
			.doesNotContainIgnoringCase("token");
		HttpResponse<String> withIssuer = management(this.second, "GET",
				"/actuator/sessions?issuer=" + TestServers.idp().issuer() + "&subject=" + this.user);
		assertThat(sessions(withIssuer)).hasSize(2);
		assertThat(this.redis.zrange(userIndex(), 0, -1)).containsExactlyInAnyOrder(laptopSession, phoneSession);
		assertThat(this.redis.pttl(userIndex())).isPositive();
	}

	@Test
	void sessionsFoundByTheProvidersSessionId() {
		TestBrowser browser = signIn(this.first);
		String session = browser.cookie("EDGE_SESSION").orElseThrow();
		UserSessions index = this.first.context().getBean(UserSessions.class);
		UserSession found = index.findByUser(TestServers.idp().issuer(), this.user).blockFirst();
		assertThat(found).isNotNull();
		assertThat(found.id()).isEqualTo(session);
		assertThat(found.details().sid()).as("the provider's sid in the ID token").isNotBlank();
		assertThat(this.second.context()
			.getBean(UserSessions.class)
			.findByProviderSession(TestServers.idp().issuer(), found.details().sid())
			.map(UserSession::id)
			.collectList()
			.block()).containsExactly(session);
	}

	@Test
	void revokeOneOnReplicaAThenItsCookieRefusedOnReplicaBWithinASecondAndTheOtherServed() {
		String revoked = signIn(this.first).cookie("EDGE_SESSION").orElseThrow();
		String kept = signIn(this.first).cookie("EDGE_SESSION").orElseThrow();
		assertThat(this.calls.userAt(this.second, revoked)).isEqualTo(this.user);
		assertThat(this.calls.userAt(this.second, kept)).isEqualTo(this.user);
		long start = System.nanoTime();
		HttpResponse<String> revocation = management(this.first, "DELETE",
				"/actuator/sessions?subject=" + this.user + "&handle=" + SessionKeys.hash(revoked));
		assertThat(revocation.statusCode()).isEqualTo(200);
		assertThat(revocation.body()).contains("\"revoked\":1");
		long latency = this.calls.millisUntilRefused(this.second, start, revoked);
		System.out.println("Revocation latency (revoked on replica A, refused on replica B): " + latency + " ms");
		assertThat(latency).isLessThan(1000);
		assertThat(this.calls.status(this.first, revoked)).isEqualTo(401);
		assertThat(this.calls.userAt(this.second, kept)).isEqualTo(this.user);
		assertThat(this.redis.zrange(userIndex(), 0, -1)).containsExactly(kept);
		List<Map<String, Object>> events = this.audit.ofType("session_revoked", this.user, 1);
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("issuer", TestServers.idp().issuer())
				.containsEntry("session", SessionKeys.hash(revoked))
				.containsEntry("actor", "operator")
				.containsEntry("reason", "revoked_by_operator")
				.containsKeys("time", "request_id"));
		assertThat(events.toString()).doesNotContain(revoked);
	}

	@Test
	void revokeAllThenEverySessionOfTheUserRefusedAndTheIndexEmpty() {
		String one = signIn(this.first).cookie("EDGE_SESSION").orElseThrow();
		String two = signIn(this.second).cookie("EDGE_SESSION").orElseThrow();
		String someoneElse = signIn(this.first, "alice").cookie("EDGE_SESSION").orElseThrow();
		HttpResponse<String> revocation = management(this.second, "DELETE", "/actuator/sessions?subject=" + this.user);
		assertThat(revocation.body()).contains("\"revoked\":2");
		assertThat(this.calls.millisUntilRefused(this.first, System.nanoTime(), one)).isLessThan(1000);
		assertThat(this.calls.millisUntilRefused(this.first, System.nanoTime(), two)).isLessThan(1000);
		assertThat(this.calls.status(this.second, one)).isEqualTo(401);
		assertThat(this.calls.userAt(this.first, someoneElse)).isEqualTo("alice");
		assertThat(sessions(management(this.first, "GET", "/actuator/sessions?subject=" + this.user))).isEmpty();
		assertThat(this.redis.exists(userIndex())).isZero();
		assertThat(this.audit.ofType("session_revoked", this.user, 2)).hasSize(2);
	}

	@Test
	void revokeWithAnUnknownHandleThenNothingRevoked() {
		String session = signIn(this.first).cookie("EDGE_SESSION").orElseThrow();
		HttpResponse<String> revocation = management(this.first, "DELETE",
				"/actuator/sessions?subject=" + this.user + "&handle=" + SessionKeys.hash("not-a-session"));
		assertThat(revocation.body()).contains("\"revoked\":0");
		assertThat(this.calls.userAt(this.second, session)).isEqualTo(this.user);
	}

	@Test
	void logoutEverywhereWithoutCsrfThen403AndWithCsrfEndsEverySession() {
		TestBrowser laptop = signIn(this.first);
		TestBrowser phone = signIn(this.second);
		String laptopSession = laptop.cookie("EDGE_SESSION").orElseThrow();
		String phoneSession = phone.cookie("EDGE_SESSION").orElseThrow();
		assertThat(laptop.post(this.first.url() + "/logout?scope=all", "").statusCode()).isEqualTo(403);
		assertThat(this.calls.userAt(this.second, phoneSession)).isEqualTo(this.user);
		assertThat(this.calls.userAt(this.second, laptopSession)).isEqualTo(this.user);
		HttpResponse<String> logout = laptop.post(this.first.url() + "/logout?scope=all", "", "X-XSRF-TOKEN",
				laptop.cookie("XSRF-TOKEN").orElseThrow());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(logout).toString()).startsWith(TestServers.idp().issuer() + "/connect/logout");
		assertThat(this.calls.millisUntilRefused(this.second, System.nanoTime(), phoneSession)).isLessThan(1000);
		assertThat(this.calls.millisUntilRefused(this.second, System.nanoTime(), laptopSession)).isLessThan(1000);
		assertThat(this.redis.exists(userIndex())).isZero();
		List<Map<String, Object>> events = this.audit.ofType("session_revoked", this.user, 2);
		assertThat(events).hasSize(2)
			.allSatisfy((event) -> assertThat(event).containsEntry("actor", "user")
				.containsEntry("reason", "logout_everywhere"));
		assertThat(events).extracting((event) -> event.get("request_id")).doesNotContainNull();
		assertThat(this.audit.ofType("logout", this.user, 1)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("kind", "everywhere")
				.containsEntry("session", SessionKeys.hash(laptopSession))
				.containsEntry("request_id", logout.headers().firstValue("X-Request-Id").orElseThrow()));
	}

	@Test
	void normalLogoutThenOnlyThatSessionLeavesTheIndex() {
		TestBrowser laptop = signIn(this.first);
		String phoneSession = signIn(this.second).cookie("EDGE_SESSION").orElseThrow();
		HttpResponse<String> logout = laptop.post(this.first.url() + "/logout", "", "X-XSRF-TOKEN",
				laptop.cookie("XSRF-TOKEN").orElseThrow());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(this.redis.zrange(userIndex(), 0, -1)).containsExactly(phoneSession);
		assertThat(sessions(management(this.second, "GET", "/actuator/sessions?subject=" + this.user)))
			.extracting((session) -> session.get("handle"))
			.containsExactly(SessionKeys.hash(phoneSession));
		assertThat(this.calls.userAt(this.second, phoneSession)).isEqualTo(this.user);
	}

	@Test
	void expiredSessionThenGoneFromTheListingAndTheIndex() throws Exception {
		Map<String, Object> shortSessions = redisSessions(GatewayInstance.newNamespace());
		shortSessions.put("edge.session.timeout", "2s");
		shortSessions.put("edge.session.touch-interval", "1s");
		String namespace = (String) shortSessions.get("edge.session.redis-namespace");
		try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), shortSessions)) {
			String session = signIn(gateway).cookie("EDGE_SESSION").orElseThrow();
			String index = new SessionKeys(namespace).user(TestServers.idp().issuer(), this.user);
			assertThat(this.redis.zrange(index, 0, -1)).containsExactly(session);
			assertThat(this.redis.pttl(index)).isBetween(1L, 2000L);
			Thread.sleep(2500);
			assertThat(this.calls.status(gateway, session)).isEqualTo(401);
			assertThat(sessions(management(gateway, "GET", "/actuator/sessions?subject=" + this.user))).isEmpty();
			assertThat(this.redis.exists(index)).isZero();
		}
	}

	@Test
	void withoutRedisThenTheSameListingAndRevocation() {
		try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), Map.of())) {
			String one = signIn(gateway).cookie("EDGE_SESSION").orElseThrow();
			String two = signIn(gateway).cookie("EDGE_SESSION").orElseThrow();
			List<Map<String, Object>> sessions = sessions(
					management(gateway, "GET", "/actuator/sessions?subject=" + this.user));
			assertThat(sessions).extracting((session) -> session.get("handle"))
				.containsExactlyInAnyOrder(SessionKeys.hash(one), SessionKeys.hash(two));
			HttpResponse<String> revocation = management(gateway, "DELETE",
					"/actuator/sessions?subject=" + this.user + "&handle=" + SessionKeys.hash(one));
			assertThat(revocation.body()).contains("\"revoked\":1");
			assertThat(this.calls.status(gateway, one)).isEqualTo(401);
			assertThat(this.calls.userAt(gateway, two)).isEqualTo(this.user);
		}
	}

	private TestBrowser signIn(GatewayInstance gateway) {
		return signIn(gateway, this.user);
	}

	private static TestBrowser signIn(GatewayInstance gateway, String user) {
		return SessionCookieCalls.signIn(gateway, user);
	}

	private String userIndex() {
		return new SessionKeys(NAMESPACE).user(TestServers.idp().issuer(), this.user);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sessions(HttpResponse<String> listing) {
		assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
		return JSON.readValue(listing.body(), List.class);
	}

	private HttpResponse<String> management(GatewayInstance gateway, String method, String path) {
		return this.calls.send(HttpRequest.newBuilder(URI.create(gateway.managementUrl() + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

}
