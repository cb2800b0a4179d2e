package io.edgegateway.app.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.idp.DemoIdentityProvider;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas on a Redis that can fail over (Sentinel, Cluster), the real
 * authorization server counting its token requests: one mint per key across the replicas
 * while Redis is whole, and, with the primary killed mid-test, what a deployment sees
 * while its replica takes over. Signed-in sessions are served again once it has (none
 * lost beyond what Redis itself lost: a write the primary had not yet passed on to its
 * replica is gone, as Redis's asynchronous replication allows), no request waits longer
 * than the Redis command timeout allows, and a token is minted at most once per key on
 * each replica (the cross-replica lock lives in Redis, and while Redis cannot answer each
 * replica mints for itself rather than fail the request).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisFailoverIntegrationTests {

	private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	/**
	 * The gateway's Redis command timeout ({@code spring.data.redis.timeout} in
	 * application.yaml). A request makes a few Redis calls one after the other (the
	 * session, the token cache, the mint lock), each bounded by it or by the token
	 * cache's shorter one.
	 */
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration LONGEST_ANSWER = COMMAND_TIMEOUT.multipliedBy(3);

	private static final int SESSIONS = 12;

	@TempDir
	static Path keys;

	private final String namespace = GatewayInstance.newNamespace();

	private final SessionCookieCalls calls = new SessionCookieCalls("/failover");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Path PRODUCTION_REDIS = Path.of("..", "docs", "kubernetes.md");

	private CredentialsFixture fixture;

	private DemoIdentityProvider idp;

	private GatewayInstance first;

	private GatewayInstance second;

	/**
	 * The gateway's properties for this test's Redis: the example of
	 * {@code docs/kubernetes.md} for it.
	 * @return the {@code spring.data.redis.*} properties
	 */
	abstract Map<String, Object> redis();

	/**
	 * A client of this test's Redis, to see what it kept.
	 * @return the client's commands
	 */
	abstract RedisClusterCommands<String, String> connectRedis();

	/**
	 * Kill the primary that holds a key, as a lost machine would.
	 * @param key the key
	 * @return waits until a replica has taken over
	 */
	abstract Runnable killPrimaryOf(String key);

	/**
	 * The configuration {@code docs/kubernetes.md} gives for a Redis choice, pointed at
	 * this test's Redis.
	 * @param choice the first line of the example's block, e.g. {@code # Redis Sentinel}
	 * @param property the property that names the Redis's nodes in the example
	 * @param nodes this test's nodes
	 * @return the example's properties
	 */
	static Map<String, Object> documented(String choice, String property, String nodes) {
		try {
			String example = DocExamples.yamlBlocks(PRODUCTION_REDIS)
				.stream()
				.filter((block) -> block.startsWith(choice))
				.findFirst()
				.orElseThrow(() -> new AssertionError(PRODUCTION_REDIS + " has no example '" + choice + "'"));
			Map<String, Object> properties = new LinkedHashMap<>();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(choice,
					new ByteArrayResource(example.getBytes(StandardCharsets.UTF_8)))) {
				EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
				for (String name : enumerable.getPropertyNames()) {
					properties.put(name, String.valueOf(enumerable.getProperty(name)));
				}
			}
			assertThat(properties).as(choice).containsKey(property);
			properties.put(property, nodes);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeAll
	void startReplicas() {
		this.fixture = CredentialsFixture.start(keys);
		this.idp = this.fixture.idp();
		Map<String, Object> replica = new LinkedHashMap<>(GatewayInstance.redisSessions(this.namespace, redis()));
		replica.put("edge.token-cache.redis-prefix", "edge-test:" + UUID.randomUUID() + ":token:");
		this.first = this.fixture.startGateway(replica);
		this.second = this.fixture.startGateway(replica);
	}

	@AfterAll
	void stopReplicas() {
		this.first.close();
		this.second.close();
		this.fixture.close();
	}

	@Test
	void burstOfFirstRequestsOverTwoReplicasThenOneMint() {
		String session = signIn(this.first);
		int before = this.idp.tokenRequests(TOKEN_EXCHANGE);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		// Enough to have both replicas ask at once; few enough that the replica holding
		// the
		// lock mints within the others' lock wait (3 s) on a busy two-core machine.
		for (int i = 0; i < 40; i++) {
			responses.add(
					this.http.sendAsync(request((i % 2 == 0) ? this.first : this.second, "/exchange-reports/burst-" + i,
							session, Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofString()));
		}
		Set<String> tokens = new HashSet<>();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			tokens.add(Echo.of(response.join()).bearerToken());
		}
		assertThat(tokens).hasSize(1);
		assertThat(this.idp.tokenRequests(TOKEN_EXCHANGE) - before).isEqualTo(1);
	}

	@Test
	void primaryKilledMidTestThenSessionsServedAgainNoRequestHangsAndAtMostOneMintPerKeyOnEachReplica()
			throws Exception {
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			sessions.add(signIn((i % 2 == 0) ? this.first : this.second));
		}
		for (String session : sessions) {
			assertThat(this.calls.status(this.first, session)).isEqualTo(200);
			assertThat(this.calls.status(this.second, session)).isEqualTo(200);
		}
		int mintsBefore = this.idp.tokenRequests(TOKEN_EXCHANGE);

		long killedAt = System.nanoTime();
		Runnable failedOver = killPrimaryOf(new SessionKeys(this.namespace).session(sessions.get(0)));
		Traffic traffic = new Traffic(sessions, killedAt);
		long failedOverMillis;
		try {
			failedOver.run();
			failedOverMillis = millisSince(killedAt);
		}
		finally {
			traffic.untilEverySessionAnswered(Duration.ofSeconds(30));
		}

		RedisClusterCommands<String, String> redis = connectRedis();
		Set<String> keptByRedis = sessions.stream()
			.filter((session) -> redis.exists(new SessionKeys(this.namespace).session(session)) == 1)
			.collect(Collectors.toSet());
		List<Answer> answers = traffic.answers();
		long recoveredMillis = answers.stream()
			.filter((answer) -> keptByRedis.contains(answer.session()) && answer.status() != 200)
			.mapToLong(Answer::sentMillis)
			.max()
			.orElse(0);
		long failed = answers.stream().filter((answer) -> answer.status() != 200).count();
		long slowest = answers.stream().mapToLong(Answer::tookMillis).max().orElse(0);
		int mints = this.idp.tokenRequests(TOKEN_EXCHANGE) - mintsBefore;
		System.out.printf(
				"Redis failover (%s): replica promoted after %d ms; every kept session served again %d ms after the kill; "
						+ "%d of %d requests failed (%s); slowest answer %d ms; sessions lost by Redis %d of %d; "
						+ "token mints %d for %d keys%n",
				getClass().getSimpleName(), failedOverMillis, recoveredMillis, failed, answers.size(),
				answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting())).toString(),
				slowest, sessions.size() - keptByRedis.size(), sessions.size(), mints, sessions.size());

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.tookMillis()).as("no request waits beyond the Redis timeouts")
				.isLessThan(LONGEST_ANSWER.toMillis());
			assertThat(answer.status()).as("served, or 503 while the session cannot be read; never 500")
				.isIn(200, 401, 503);
		});
		for (String session : sessions) {
			int expected = keptByRedis.contains(session) ? 200 : 401;
			assertThat(this.calls.status(this.first, session)).isEqualTo(expected);
			assertThat(this.calls.status(this.second, session)).isEqualTo(expected);
		}
		assertThat(answers).filteredOn((answer) -> answer.status() == 401)
			.allSatisfy((answer) -> assertThat(keptByRedis).doesNotContain(answer.session()));
		assertThat(mints).as("one mint per session's key, at most one on each replica")
			.isBetween(keptByRedis.size(), 2 * sessions.size());
	}

	private String signIn(GatewayInstance gateway) {
		String user = "load-" + ThreadLocalRandom.current().nextInt(1, 100_000);
		return SessionCookieCalls.signIn(gateway, user).cookie("EDGE_SESSION").orElseThrow();
	}

	private static HttpRequest request(GatewayInstance gateway, String path, String session, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(gateway.url() + path))
			.header("Cookie", "EDGE_SESSION=" + session)
			.header("Accept", "application/json")
			.timeout(timeout)
			.build();
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/**
	 * One answer during the failover: when it was asked (from the kill), what it was, how
	 * long it took ({@code 599} for no answer at all).
	 */
	private record Answer(String session, long sentMillis, int status, long tookMillis) {
	}

	/**
	 * Every session calling a token-exchange route on both replicas, one call after the
	 * other, from the moment the primary was killed: each session's token key is new, so
	 * each is minted during the failover.
	 */
	private final class Traffic {

		private final ExecutorService callers = Executors.newCachedThreadPool();

		private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();

		private final long start;

		Traffic(List<String> sessions, long start) {
			this.start = start;
			for (String session : sessions) {
				for (GatewayInstance gateway : List.of(RedisFailoverIntegrationTests.this.first,
						RedisFailoverIntegrationTests.this.second)) {
					this.callers.execute(() -> call(session, gateway));
				}
			}
		}

		private void call(String session, GatewayInstance gateway) {
			int n = 0;
			while (!this.stopped.get()) {
				long sent = System.nanoTime();
				int status;
				try {
					status = RedisFailoverIntegrationTests.this.http
						.send(request(gateway, "/exchange/failover-" + n++, session, LONGEST_ANSWER.multipliedBy(2)),
								HttpResponse.BodyHandlers.discarding())
						.statusCode();
				}
				catch (Exception ex) {
					status = 599;
				}
				this.answers.add(
						new Answer(session, Duration.ofNanos(sent - this.start).toMillis(), status, millisSince(sent)));
				this.lastStatus.put(session + "@" + gateway.port(), status);
			}
		}

		/**
		 * Go on until every session's last answer on each replica was 200, or 401 for one
		 * Redis lost.
		 */
		void untilEverySessionAnswered(Duration atMost) throws InterruptedException {
			long deadline = System.nanoTime() + atMost.toNanos();
			while (System.nanoTime() < deadline && !(this.lastStatus.size() == 2 * SESSIONS
					&& this.lastStatus.values().stream().allMatch((status) -> status == 200 || status == 401))) {
				Thread.sleep(100);
			}
			// one more round of answers after recovery
			Thread.sleep(500);
			this.stopped.set(true);
			this.callers.shutdown();
			this.callers.awaitTermination(LONGEST_ANSWER.toSeconds() * 2, TimeUnit.SECONDS);
		}

		List<Answer> answers() {
			return List.copyOf(this.answers);
		}

	}

}
