package io.edgegateway.app.cache;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.app.session.SessionDetails;
import io.edgegateway.app.session.UserSession;
import io.edgegateway.app.session.UserSessions;
import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.filters.support.PrivateRedis;
import io.edgegateway.filters.support.RedisSupport;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.idp.DemoIdentityProvider;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token cache over real connections: two gateway replicas on one Redis, the real
 * authorization server counting its token requests, and a Redis of the test's own that it
 * stops and starts again.
 */
class TokenCacheIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	@TempDir
	static Path keys;

	private static CredentialsFixture fixture;

	private static DemoIdentityProvider idp;

	private static String tokenPrefix;

	private static GatewayInstance first;

	private static GatewayInstance second;

	@BeforeAll
	static void start() {
		fixture = CredentialsFixture.start(keys);
		idp = fixture.idp();
		String namespace = GatewayInstance.newNamespace();
		tokenPrefix = "edge-test:" + UUID.randomUUID() + ":token:";
		Map<String, Object> replica = new LinkedHashMap<>(GatewayInstance.redisSessions(namespace));
		replica.put("edge.token-cache.redis-prefix", tokenPrefix);
		// The burst of 500 first requests keeps both replicas' two cores busy for a
		// second
		// or more, longer than the default Redis timeout: then each replica would
		// (rightly)
		// mint without the shared lock. What this class proves is the single mint across
		// replicas of a Redis that answers in time; a Redis that does not has a test
		// below.
		replica.put("edge.token-cache.redis-timeout", "5s");
		first = fixture.startGateway(replica);
		second = fixture.startGateway(replica);
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
		fixture.close();
	}

	@Test
	void fiveHundredConcurrentFirstRequestsOverTwoReplicasThenOneTokenRequest() {
		TestBrowser browser = new TestBrowser();
		browser.signIn(first.url() + "/", "alice", "alice-password");
		String cookie = "EDGE_SESSION=" + browser.cookie("EDGE_SESSION").orElseThrow();
		int before = idp.tokenRequests("client_credentials");
		double mintsBefore = count(first, "edge.token.mints") + count(second, "edge.token.mints");
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			GatewayInstance replica = (i % 2 == 0) ? first : second;
			responses.add(client.sendAsync(HttpRequest.newBuilder(URI.create(replica.url() + "/reports/q" + i))
				.header("Accept", "application/json")
				.header("Cookie", cookie)
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		Set<String> tokens = new HashSet<>();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			tokens.add(Echo.of(response.join()).bearerToken());
		}
		assertThat(idp.tokenRequests("client_credentials") - before).isEqualTo(1);
		assertThat(tokens).hasSize(1);
		assertThat(count(first, "edge.token.mints") + count(second, "edge.token.mints") - mintsBefore).isEqualTo(1.0);
		assertThat(count(first, "edge.token.single_flight.joins") + count(second, "edge.token.single_flight.joins"))
			.isPositive();
	}

	@Test
	void tokenCopiedUnderAnotherUsersKeyThenNotServedAndMintedAgain() {
		int n = ThreadLocalRandom.current().nextInt(1, 50_000);
		String otherUser = "load-" + (n + 50_000);
		TestBrowser owner = new TestBrowser();
		owner.signIn(first.url() + "/", "load-" + n, "load-password");
		TestBrowser other = new TestBrowser();
		other.signIn(first.url() + "/", otherUser, "load-password");
		String ownersKey = newTokenKey(() -> bearer(owner, first, "/exchange/owner"));
		String[] othersToken = new String[1];
		String othersKey = newTokenKey(() -> othersToken[0] = bearer(other, first, "/exchange/other"));
		RedisClient client = RedisClient.create(RedisSupport.redis().url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			byte[] copied = connection.sync().get(ownersKey.getBytes(StandardCharsets.UTF_8));
			connection.sync().set(othersKey.getBytes(StandardCharsets.UTF_8), copied, SetArgs.Builder.keepttl());
		}
		finally {
			client.shutdown();
		}
		int mints = idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange");
		// The other replica has no copy in memory: it reads Redis, and refuses the copy.
		String served = bearer(other, second, "/exchange/copied");
		NimbusJwtDecoder jwks = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
		assertThat(jwks.decode(served).getSubject()).isEqualTo(otherUser);
		assertThat(served).isNotEqualTo(othersToken[0]);
		assertThat(idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange")).isEqualTo(mints + 1);
	}

	/**
	 * The token key a call adds to Redis.
	 */
	private static String newTokenKey(Runnable call) {
		Set<String> before = new HashSet<>(keysIn(RedisSupport.redis().port(), tokenPrefix + "*"));
		call.run();
		List<String> added = keysIn(RedisSupport.redis().port(), tokenPrefix + "*").stream()
			.filter((key) -> !before.contains(key) && !key.contains(":owner:"))
			.toList();
		assertThat(added).hasSize(1);
		return added.get(0);
	}

	/**
	 * A counter's (or timer's) count on a replica, for the service-account mode.
	 */
	private static double count(GatewayInstance gateway, String metric) {
		return gateway.count(metric, "mode:SERVICE_ACCOUNT");
	}

	@Test
	void tokensAreKeptApartByUserAudienceScopeAndActorAndReusedForTheSameOnes() {
		TestBrowser alice = new TestBrowser();
		alice.signIn(first.url() + "/", "alice", "alice-password");
		TestBrowser bob = new TestBrowser();
		bob.signIn(second.url() + "/", "bob", "bob-password");
		int before = idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange");
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("alice orders", bearer(alice, first, "/exchange/a"));
		tokens.put("bob orders", bearer(bob, first, "/exchange/b"));
		tokens.put("alice reports", bearer(alice, first, "/exchange-reports/a"));
		tokens.put("alice orders.read", bearer(alice, first, "/exchange-read/a"));
		tokens.put("alice orders with actor", bearer(alice, first, "/exchange-actor/a"));
		assertThat(new HashSet<>(tokens.values())).hasSize(5);
		assertThat(idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange") - before).isEqualTo(5);
		NimbusJwtDecoder jwks = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
		Jwt bobs = jwks.decode(tokens.get("bob orders"));
		assertThat(bobs.getSubject()).isEqualTo("bob");
		assertThat(bobs.getClaimAsString("tenant")).isEqualTo("t2");
		assertThat(jwks.decode(tokens.get("alice reports")).getAudience()).contains("reports-api");
		assertThat(jwks.decode(tokens.get("alice orders.read")).getClaimAsStringList("scope"))
			.containsExactly("orders.read");
		assertThat(bearer(alice, second, "/exchange/again")).isEqualTo(tokens.get("alice orders"));
		assertThat(bearer(bob, second, "/exchange/again")).isEqualTo(tokens.get("bob orders"));
		assertThat(idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange") - before).isEqualTo(5);
		assertRedisHoldsNoTokenNorIdentityInClear(tokens.values());
	}

	@Test
	void upstreamRejectsTheTokenThenTheNextRequestGetsANewOne() {
		TestBrowser browser = new TestBrowser();
		browser.signIn(first.url() + "/", "bob", "bob-password");
		String token = bearer(browser, first, "/reports-post/warm");
		int mints = idp.tokenRequests("client_credentials");
		assertThat(bearer(browser, first, "/reports-post/cached")).isEqualTo(token);
		HttpResponse<String> rejected = browser.get(first.url() + "/reports-post/revoked", "Accept", "application/json",
				"X-Echo-Status", "401");
		assertThat(rejected.statusCode()).isEqualTo(401);
		assertThat(idp.tokenRequests("client_credentials")).isEqualTo(mints);
		String renewed = bearer(browser, second, "/reports-post/renewed");
		assertThat(renewed).isNotEqualTo(token);
		assertThat(idp.tokenRequests("client_credentials")).isEqualTo(mints + 1);
	}

	@Test
	void logoutThenTheUsersDelegatedTokensAreForgottenEverywhere() {
		TestBrowser carol = new TestBrowser();
		carol.signIn(first.url() + "/", "bob", "bob-password");
		String before = bearer(carol, first, "/exchange-reports/before-logout");
		assertThat(bearer(carol, second, "/exchange-reports/cached")).isEqualTo(before);
		int mints = idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange");
		HttpResponse<String> logout = carol.post(first.url() + "/logout", "", "X-XSRF-TOKEN",
				carol.cookie("XSRF-TOKEN").orElseThrow());
		assertThat(logout.statusCode()).isEqualTo(302);
		carol.clearCookies();
		carol.signIn(second.url() + "/", "bob", "bob-password");
		String after = bearer(carol, second, "/exchange-reports/after-logout");
		assertThat(after).isNotEqualTo(before);
		assertThat(idp.tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange")).isEqualTo(mints + 1);
	}

	/**
	 * Each browser session has tokens of its own: a back-channel logout of one session
	 * (by the provider's {@code sid}) forgets that session's tokens in Redis and no
	 * other's, and the other session goes on with its cached token without a new mint; a
	 * logout naming only the user forgets every session's tokens.
	 */
	@Test
	void backChannelLogoutOfOneSessionThenOnlyThatSessionsTokensAreForgotten() {
		String user = "load-" + ThreadLocalRandom.current().nextInt(1, 100_000);
		TestBrowser laptop = new TestBrowser();
		laptop.signIn(first.url() + "/", user, "load-password");
		TestBrowser phone = new TestBrowser();
		phone.signIn(second.url() + "/", user, "load-password");
		String laptopToken = bearer(laptop, first, "/exchange-reports/laptop");
		String phoneToken = bearer(phone, second, "/exchange-reports/phone");
		assertThat(phoneToken).as("a token of each session's own").isNotEqualTo(laptopToken);
		SessionDetails laptopSession = details(laptop, user);
		SessionDetails phoneSession = details(phone, user);
		List<String> laptopTokens = tokensOf(laptopSession);
		List<String> phoneTokens = tokensOf(phoneSession);
		assertThat(laptopTokens).hasSize(1);
		assertThat(phoneTokens).hasSize(1);
		int mints = idp.tokenRequests(TOKEN_EXCHANGE);

		assertThat(backChannelLogout(second, Map.of("sid", laptopSession.sid(), "sub", user))).isEqualTo(200);

		assertThat(keysIn(RedisSupport.redis().port(), laptopTokens.get(0))).isEmpty();
		assertThat(tokensOf(laptopSession)).isEmpty();
		assertThat(tokensOf(phoneSession)).isEqualTo(phoneTokens);
		assertThat(bearer(phone, first, "/exchange-reports/after")).isEqualTo(phoneToken);
		assertThat(idp.tokenRequests(TOKEN_EXCHANGE)).as("the other session mints nothing").isEqualTo(mints);

		assertThat(backChannelLogout(first, Map.of("sub", user))).isEqualTo(200);
		assertThat(keysIn(RedisSupport.redis().port(), phoneTokens.get(0))).isEmpty();
	}

	@Test
	void tokenCloseToExpiryThenServedOnceMoreWhileANewOneIsMintedAheadOfIt(@TempDir Path otherKeys)
			throws InterruptedException {
		// 40 s tokens are served for 10 s (30 s skew) and refreshed ahead after half of
		// that. This test waits in real time: Spring Security stamps a token's expiry
		// with
		// the system clock when the provider's answer arrives (expires_in), so a clock
		// moved forward would make every freshly minted token look old as well.
		try (CredentialsFixture shortLived = CredentialsFixture.start(otherKeys, Duration.ofSeconds(40));
				GatewayInstance gateway = shortLived.startGateway(Map.of())) {
			DemoIdentityProvider provider = shortLived.idp();
			TestBrowser browser = new TestBrowser();
			browser.signIn(gateway.url() + "/", "alice", "alice-password");
			int before = provider.tokenRequests("client_credentials");
			String first = bearer(browser, gateway, "/reports-post/1");
			assertThat(bearer(browser, gateway, "/reports-post/2")).isEqualTo(first);
			assertThat(provider.tokenRequests("client_credentials") - before).isEqualTo(1);
			Thread.sleep(5_500);
			assertThat(bearer(browser, gateway, "/reports-post/3")).isEqualTo(first);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(bearer(browser, gateway, "/reports-post/4")).isNotEqualTo(first));
			assertThat(provider.tokenRequests("client_credentials") - before).isEqualTo(2);
		}
	}

	@Test
	void redisStoppedThenRequestsStillSucceedHealthDegradesAndRecoversWhenRedisIsBack() {
		try (PrivateRedis redis = PrivateRedis.start();
				GatewayInstance gateway = fixture.startGateway(Map.of("spring.data.redis.host", "127.0.0.1",
						"spring.data.redis.port", redis.port(), "edge.session.encryption.active-key", "k1",
						"edge.session.encryption.keys.k1", GatewayInstance.SESSION_KEY))) {
			TestBrowser client = new TestBrowser();
			String bearer = "Bearer " + idp.signAccessToken(Map.of("sub", "alice", "aud", List.of("edge-gateway"),
					"groups", List.of("engineering"), "tenant", "t1"), Instant.now(), Instant.now().plusSeconds(600));
			assertThat(call(client, gateway, "/reports/warm", bearer).statusCode()).isEqualTo(200);
			assertThat(tokenCacheHealth(client, gateway)).isEqualTo("UP");

			redis.stop();
			assertThat(call(client, gateway, "/reports/cached", bearer).statusCode()).isEqualTo(200);
			assertThat(call(client, gateway, "/reports-post/minted-without-redis", bearer).statusCode()).isEqualTo(200);
			assertThat(tokenCacheHealth(client, gateway)).isEqualTo("DEGRADED");

			redis.resume();
			AtomicInteger attempt = new AtomicInteger();
			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				HttpResponse<String> afterRecovery = call(client, gateway,
						"/reports-jwt/after-recovery-" + attempt.incrementAndGet(), bearer);
				assertThat(afterRecovery.statusCode()).isEqualTo(200);
				assertThat(tokenCacheHealth(client, gateway)).isEqualTo("UP");
			});
			assertThat(keysIn(redis.port(), "edge:token:*")).isNotEmpty();
		}
	}

	private static HttpResponse<String> call(TestBrowser client, GatewayInstance gateway, String path, String bearer) {
		return client.get(gateway.url() + path, "Accept", "application/json", "Authorization", bearer);
	}

	@SuppressWarnings("unchecked")
	private static String tokenCacheHealth(TestBrowser client, GatewayInstance gateway) {
		Map<String, Object> health = JSON.readValue(client.get(gateway.managementUrl() + "/actuator/health").body(),
				Map.class);
		Map<String, Object> components = (Map<String, Object>) health.get("components");
		return (String) ((Map<String, Object>) components.get("tokenCache")).get("status");
	}

	private static SessionDetails details(TestBrowser browser, String user) {
		String session = browser.cookie("EDGE_SESSION").orElseThrow();
		UserSession found = first.context()
			.getBean(UserSessions.class)
			.findByUser(idp.issuer(), user)
			.filter((candidate) -> candidate.id().equals(session))
			.blockFirst();
		assertThat(found).isNotNull();
		return found.details();
	}

	/**
	 * The Redis keys of the tokens minted for a session, as its owner set lists them.
	 */
	private static List<String> tokensOf(SessionDetails session) {
		String owner = tokenPrefix + "owner:" + TokenKey.sessionOwner(String.valueOf(session.tokenOwner()));
		RedisClient client = RedisClient.create(RedisSupport.redis().url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync()
				.smembers(owner)
				.stream()
				.map((hash) -> tokenPrefix + hash)
				.filter((key) -> connection.sync().exists(key) == 1)
				.sorted()
				.toList();
		}
		finally {
			client.shutdown();
		}
	}

	private static int backChannelLogout(GatewayInstance gateway, Map<String, Object> claims) {
		String token = idp.signLogoutToken(claims);
		HttpResponse<String> response = new TestBrowser().post(gateway.url() + "/logout/connect/back-channel/idp",
				"logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		return response.statusCode();
	}

	private static String bearer(TestBrowser browser, GatewayInstance gateway, String path) {
		return Echo.of(browser.get(gateway.url() + path, "Accept", "application/json")).bearerToken();
	}

	private static void assertRedisHoldsNoTokenNorIdentityInClear(Iterable<String> tokens) {
		RedisSupport redis = RedisSupport.redis();
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			List<String> all = keysIn(connection, tokenPrefix + "*");
			assertThat(all).allMatch((key) -> key.substring(tokenPrefix.length()).matches("(owner:)?[0-9a-f]{64}"));
			List<String> keys = all.stream().filter((key) -> !key.contains(":owner:")).toList();
			assertThat(keys).hasSizeGreaterThanOrEqualTo(5);
			for (String key : keys) {
				String value = new String(connection.sync().get(key.getBytes(StandardCharsets.UTF_8)),
						StandardCharsets.ISO_8859_1);
				assertThat(value).doesNotContain("eyJ").doesNotContain("alice").doesNotContain("bob");
				for (String token : tokens) {
					assertThat(value).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
				}
			}
		}
		finally {
			client.shutdown();
		}
	}

	private static List<String> keysIn(int port, String pattern) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			return keysIn(connection, pattern);
		}
		finally {
			client.shutdown();
		}
	}

	private static List<String> keysIn(StatefulRedisConnection<byte[], byte[]> connection, String pattern) {
		List<String> keys = new ArrayList<>();
		ScanCursor cursor = ScanCursor.INITIAL;
		do {
			KeyScanCursor<byte[]> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
			page.getKeys().forEach((key) -> keys.add(new String(key, StandardCharsets.UTF_8)));
			cursor = page;
		}
		while (!cursor.isFinished());
		return keys;
	}

}
