package io.edgegateway.app.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.app.support.TwoReplicas;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect back-channel logout over two replicas on one real Redis, with logout
 * tokens the real demo provider signs: a logout naming the provider session ({@code sid})
 * ends that session on both replicas within a second and no other, one naming only the
 * user ({@code sub}) ends all of the user's sessions, each is an audit event; a replayed
 * token (sent to the other replica) and every kind of bad token get {@code 400} naming
 * what was wrong, and change nothing.
 */
class BackChannelLogoutIntegrationTests {

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PATH = "/logout/connect/back-channel/idp";

	private static TwoReplicas<String, String> replicas;

	private static GatewayInstance first;

	private static GatewayInstance second;

	private static StatefulRedisConnection<String, String> redis;

	private final SessionCookieCalls calls = new SessionCookieCalls("/api/sessions");

	private final AuditEvents audit = new AuditEvents();

	private final String user = "load-" + ThreadLocalRandom.current().nextInt(1, 100_000);

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

	@BeforeEach
	void startAudit() {
		this.audit.start();
	}

	@AfterEach
	void stopAudit() {
		this.audit.stop();
	}

	@Test
	void logoutNamingTheProviderSessionThenOnlyThatSessionEndsOnBothReplicasWithinASecond() {
		String laptop = signIn(first, this.user);
		String phone = signIn(second, this.user);
		String alice = signIn(first, "alice");
		assertThat(this.calls.userAt(second, laptop)).isEqualTo(this.user);
		long start = System.nanoTime();
		HttpResponse<String> logout = logout(first, token(Map.of("sid", sid(laptop), "sub", this.user)));
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
		assertThat(logout.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
		long latency = this.calls.millisUntilRefused(second, start, laptop);
		System.out
			.println("Back-channel logout latency (logout on replica A, refused on replica B): " + latency + " ms");
		assertThat(latency).isLessThan(1000);
		assertThat(this.calls.status(first, laptop)).isEqualTo(401);
		assertThat(this.calls.userAt(first, phone)).isEqualTo(this.user);
		assertThat(this.calls.userAt(second, alice)).isEqualTo("alice");
		List<Map<String, Object>> events = this.audit.ofType("session_revoked", this.user, 1);
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("issuer", TestServers.idp().issuer())
				.containsEntry("session", SessionKeys.hash(laptop))
				.containsEntry("actor", "provider")
				.containsEntry("reason", "backchannel_logout"));
	}

	@Test
	void logoutNamingOnlyTheUserThenEverySessionOfTheUserEnds() {
		String laptop = signIn(first, this.user);
		String phone = signIn(second, this.user);
		String alice = signIn(first, "alice");
		HttpResponse<String> logout = logout(second, token(Map.of("sub", this.user)));
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
		assertThat(this.calls.millisUntilRefused(first, System.nanoTime(), laptop)).isLessThan(1000);
		assertThat(this.calls.millisUntilRefused(first, System.nanoTime(), phone)).isLessThan(1000);
		assertThat(this.calls.userAt(second, alice)).isEqualTo("alice");
		assertThat(this.audit.ofType("session_revoked", this.user, 2)).hasSize(2)
			.allSatisfy((event) -> assertThat(event).containsEntry("actor", "provider"));
	}

	@Test
	void logoutNamingAProviderSessionOfAnotherUserThenNothingEnds() {
		String laptop = signIn(first, this.user);
		HttpResponse<String> logout = logout(first, token(Map.of("sid", sid(laptop), "sub", "alice")));
		assertThat(logout.statusCode()).isEqualTo(200);
		assertThat(this.calls.userAt(second, laptop)).isEqualTo(this.user);
	}

	@Test
	void tokenReplayedToTheOtherReplicaThen400AndNothingChanges() {
		String before = signIn(first, this.user);
		String jti = "jti-" + this.user;
		String token = token(Map.of("sub", this.user, "jti", jti));
		assertThat(logout(first, token).statusCode()).isEqualTo(200);
		String used = new SessionKeys(NAMESPACE).logoutToken(TestServers.idp().issuer(), jti);
		assertThat(redis.sync().pttl(used)).as("remembered until exp plus the skew").isBetween(120_000L, 181_000L);
		assertThat(this.calls.millisUntilRefused(second, System.nanoTime(), before)).isLessThan(1000);
		String after = signIn(second, this.user);
		HttpResponse<String> replay = logout(second, token);
		assertRefused(replay, "was used before");
		assertThat(this.calls.userAt(first, after)).isEqualTo(this.user);
		assertThat(this.audit.ofType("session_revoked", this.user, 2)).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void badTokenThen400NamingWhatWasWrongAndNothingChanges(String what, Map<String, @Nullable Object> changes,
			String because) {
		String session = signIn(first, this.user);
		Map<String, @Nullable Object> claims = new HashMap<>();
		claims.put("sid", sid(session));
		claims.put("sub", this.user);
		claims.putAll(changes);
		assertRefused(logout(second, token(claims)), because);
		assertThat(this.calls.userAt(first, session)).isEqualTo(this.user);
		assertThat(this.calls.userAt(second, session)).isEqualTo(this.user);
		assertThat(this.audit.ofType("session_revoked", this.user, 1)).isEmpty();
	}

	static Stream<Arguments> badTokens() {
		Instant now = Instant.now();
		return Stream.of(bad("wrong aud", Map.of("aud", List.of("another-client")), "aud"),
				bad("wrong iss", Map.of("iss", "http://127.0.0.1:1/other"), "iss"),
				bad("missing events", nulls("events"), "events"),
				bad("event not a JSON object",
						Map.of("events", Map.of("http://schemas.openid.net/event/backchannel-logout", "yes")),
						"JSON object"),
				bad("other event only", Map.of("events", Map.of("http://schemas.openid.net/event/other", Map.of())),
						"events"),
				bad("nonce present", Map.of("nonce", "n-0S6_WzA2Mj"), "nonce"),
				bad("neither sid nor sub", nulls("sid", "sub"), "sid or sub"),
				bad("expired", Map.of("iat", now.minusSeconds(600), "exp", now.minusSeconds(300)), "expired"),
				bad("no iat", nulls("iat"), "iat is missing"), bad("no jti", nulls("jti"), "jti is missing"),
				bad("no exp and old iat", withNull(Map.of("iat", now.minusSeconds(900)), "exp"), "iat"));
	}

	@Test
	void tokenWithABadSignatureThen400AndNothingChanges() {
		String session = signIn(first, this.user);
		String[] genuine = token(Map.of("sub", "alice")).split("\\.");
		String[] forged = token(Map.of("sub", this.user)).split("\\.");
		HttpResponse<String> logout = logout(first, forged[0] + "." + forged[1] + "." + genuine[2]);
		assertRefused(logout, "signature");
		assertThat(this.calls.userAt(second, session)).isEqualTo(this.user);
	}

	@Test
	void logoutForARegistrationThatSignsNoOneInThen400() {
		HttpResponse<String> logout = this.calls
			.send(request(first, "/logout/connect/back-channel/nope", token(Map.of("sub", this.user))));
		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(logout.body()).contains("invalid_request");
	}

	@Test
	void withoutRedisThenTheSameLogoutAndReplayRefused() {
		try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), Map.of())) {
			String one = signIn(gateway, this.user);
			String two = signIn(gateway, this.user);
			String token = token(Map.of("sid", sidAt(gateway, one)));
			assertThat(logout(gateway, token).statusCode()).isEqualTo(200);
			assertThat(this.calls.status(gateway, one)).isEqualTo(401);
			assertThat(this.calls.userAt(gateway, two)).isEqualTo(this.user);
			assertRefused(logout(gateway, token), "was used before");
		}
	}

	private static Arguments bad(String what, Map<String, ? extends @Nullable Object> changes, String because) {
		return Arguments.of(what, changes, because);
	}

	private static Map<String, @Nullable Object> nulls(String... claims) {
		return withNull(Map.of(), claims);
	}

	private static Map<String, @Nullable Object> withNull(Map<String, Object> claims, String... removed) {
		Map<String, @Nullable Object> changes = new HashMap<>(claims);
		for (String claim : removed) {
			changes.put(claim, null);
		}
		return changes;
	}

	private static void assertRefused(HttpResponse<String> response, String because) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
		Map<?, ?> error = JSON.readValue(response.body(), Map.class);
		assertThat(error.get("error")).as(response.body()).isEqualTo("invalid_request");
		assertThat((String) error.get("error_description")).contains(because);
	}

	private static String token(Map<String, ? extends @Nullable Object> claims) {
		return TestServers.idp().signLogoutToken(claims);
	}

	private HttpResponse<String> logout(GatewayInstance gateway, String token) {
		return this.calls.send(request(gateway, PATH, token));
	}

	private static HttpRequest request(GatewayInstance gateway, String path, String token) {
		return HttpRequest.newBuilder(URI.create(gateway.url() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build();
	}

	private String sid(String session) {
		return sidAt(first, session);
	}

	private String sidAt(GatewayInstance gateway, String session) {
		UserSession found = gateway.context()
			.getBean(UserSessions.class)
			.findByUser(TestServers.idp().issuer(), this.user)
			.filter((candidate) -> candidate.id().equals(session))
			.blockFirst();
		assertThat(found).isNotNull();
		assertThat(found.details().sid()).isNotBlank();
		return found.details().sid();
	}

	private static String signIn(GatewayInstance gateway, String user) {
		return SessionCookieCalls.signIn(gateway, user).cookie("EDGE_SESSION").orElseThrow();
	}

}
