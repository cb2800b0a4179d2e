package io.edgegateway.app.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.PrivateRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Redis of the test's own stopped and started again under a real gateway: while it
 * is down, session requests are refused at once with {@code 503} and {@code Retry-After}
 * while bearer and service-account requests are served, the pod stays ready and says it
 * is degraded, and when it is back the same sessions work again without a restart; a
 * gateway started while Redis is down starts, is not ready, and becomes ready (and
 * listens to Redis) when Redis answers.
 */
class RedisOutageIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * {@code spring.data.redis.timeout}: what a session request waited for its
	 * {@code 503} before commands were refused while disconnected.
	 */
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

	@TempDir
	static Path directory;

	private final TestBrowser browser = new TestBrowser();

	@Test
	void redisStoppedUnderLoadThenSessionsRefusedFastOthersServedAndSessionsBackWhenRedisIs() throws Exception {
		try (CredentialsFixture fixture = CredentialsFixture.start(Files.createDirectories(directory.resolve("keys")));
				PrivateRedis redis = PrivateRedis.persistent(directory);
				GatewayInstance gateway = fixture.startGateway(privateRedisSessions(redis));
				GatewayInstance notReadyWhenDegraded = GatewayInstance.start(TestServers.idp().issuer(),
						TestServers.upstream().uri().toString(),
						withDocsReadinessMapping(privateRedisSessions(redis)))) {
			assertThat(this.browser.get(gateway.url() + "/readyz").statusCode()).as("ready, as a pod is before traffic")
				.isEqualTo(200);
			assertThat(this.browser.get(notReadyWhenDegraded.url() + "/readyz").statusCode()).isEqualTo(200);
			String session = SessionCookieCalls.signIn(gateway, "alice").cookie("EDGE_SESSION").orElseThrow();
			String bearer = fixture.idp()
				.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway"), "groups",
						List.of("engineering"), "tenant", "t1"), Instant.now(), Instant.now().plusSeconds(600));
			try (Load load = Load.start(gateway, session, bearer)) {
				Thread.sleep(1500);
				load.phase("down");
				redis.stop();
				Thread.sleep(4000);
				assertThat(this.browser.get(gateway.url() + "/readyz").statusCode()).isEqualTo(200);
				assertThat(sessionStore(gateway)).isEqualTo("DEGRADED");
				assertThat(this.browser.get(notReadyWhenDegraded.url() + "/readyz").statusCode())
					.as("DEGRADED mapped to 503 in the readiness group, as docs/kubernetes.md shows")
					.isEqualTo(503);
				HttpResponse<String> firstVisit = new TestBrowser().navigate(gateway.url() + "/orders");
				assertThat(firstVisit.statusCode()).as("a new visitor, whose session would keep the page")
					.isEqualTo(503);
				assertThat(firstVisit.headers().firstValue("Retry-After")).hasValue("5");
				HttpResponse<String> signIn = new TestBrowser().get(gateway.url() + "/oauth2/authorization/idp");
				assertThat(signIn.statusCode()).as("the start of a sign-in").isEqualTo(503);
				load.phase("restarted");
				redis.resume();
				await().atMost(Duration.ofSeconds(15))
					.until(() -> load.last("session").filter((call) -> call.status() == 200).isPresent());
				Thread.sleep(1000);
				load.stop();

				load.report();
				List<Call> refused = load.calls("down", "session", 503);
				assertThat(refused).hasSizeGreaterThan(10);
				assertThat(refused).allSatisfy((call) -> {
					assertThat(call.retryAfter()).isEqualTo("5");
					assertThat(call.body()).contains("\"error\":\"session_store_unavailable\"");
					assertThat(call.millis()).as("answered before the command timeout")
						.isLessThan(COMMAND_TIMEOUT.toMillis());
				});
				assertThat(median(refused)).as("median milliseconds to a refused session request")
					.isLessThan(COMMAND_TIMEOUT.dividedBy(3).toMillis());
				assertThat(load.statuses("down", "session")).isSubsetOf(200, 503);
				for (String kind : List.of("bearer", "service-account")) {
					assertThat(load.statuses("down", kind)).as(kind).containsOnly(200);
					assertThat(load.statuses("restarted", kind)).as(kind).containsOnly(200);
				}
				assertThat(load.calls("restarted", "session", 401)).as("Redis kept the session (append-only file)")
					.isEmpty();
			}
			assertThat(new SessionCookieCalls("/api/after-restart").userAt(gateway, session)).isEqualTo("alice");
			assertThat(sessionStore(gateway)).isEqualTo("UP");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.browser.get(notReadyWhenDegraded.url() + "/readyz").statusCode() == 200);
		}
	}

	@Test
	void redisDownAtStartThenGatewayStartsNotReadyThenReadyAndListeningWhenRedisAnswers() throws Exception {
		try (PrivateRedis redis = PrivateRedis.stopped();
				GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
						TestServers.upstream().uri().toString(), privateRedisSessions(redis))) {
			HttpResponse<String> ready = this.browser.get(gateway.url() + "/readyz");
			assertThat(ready.statusCode()).isEqualTo(503);
			assertThat(ready.body()).contains("\"sessionStore\":{\"status\":\"OUT_OF_SERVICE\"}");
			assertThat(this.browser.get(gateway.managementUrl() + "/actuator/health").body())
				.contains("Redis has not answered since the gateway started");
			String bearer = TestServers.idp()
				.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), Instant.now(),
						Instant.now().plusSeconds(300));
			HttpResponse<String> served = this.browser.get(gateway.url() + "/api/bearer", "Authorization",
					"Bearer " + bearer, "Accept", "application/json");
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(Echo.of(served).header("X-User-Id")).containsExactly("carol");

			redis.resume();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.browser.get(gateway.url() + "/readyz").statusCode() == 200);
			assertThat(sessionStore(gateway)).isEqualTo("UP");
			RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(connection.sync().pubsubNumsub("edge:token:evictions"))
						.as("replica listens for logouts of other replicas")
						.containsEntry("edge:token:evictions", 1L));
			}
			finally {
				client.shutdown();
			}
			String session = SessionCookieCalls.signIn(gateway, "alice").cookie("EDGE_SESSION").orElseThrow();
			assertThat(new SessionCookieCalls("/api/signed-in").userAt(gateway, session)).isEqualTo("alice");
		}
	}

	/**
	 * Properties with docs/kubernetes.md's example that takes a pod whose Redis fails out
	 * of the Service, loaded from the page.
	 */
	private static Map<String, Object> withDocsReadinessMapping(Map<String, Object> properties) throws IOException {
		String example = DocExamples.yamlBlocks(Path.of("..", "docs", "kubernetes.md"))
			.stream()
			.filter((yaml) -> yaml.contains("http-mapping"))
			.findFirst()
			.orElseThrow();
		Path file = Files.writeString(directory.resolve("readiness.yaml"), example);
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("spring.config.import", "file:" + file);
		return all;
	}

	private static Map<String, Object> privateRedisSessions(PrivateRedis redis) {
		return GatewayInstance.redisSessions(GatewayInstance.newNamespace(),
				Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", redis.port()));
	}

	@SuppressWarnings("unchecked")
	private String sessionStore(GatewayInstance gateway) {
		Map<String, Object> health = JSON
			.readValue(this.browser.get(gateway.managementUrl() + "/actuator/health").body(), Map.class);
		Map<String, Object> components = (Map<String, Object>) health.get("components");
		return (String) ((Map<String, Object>) components.get("sessionStore")).get("status");
	}

	private static long median(List<Call> calls) {
		List<Long> millis = calls.stream().map(Call::millis).sorted().toList();
		return millis.get(millis.size() / 2);
	}

	/**
	 * One request of the load: when it started (ms since the load did), its kind, phase,
	 * status and duration.
	 */
	private record Call(long at, String kind, String phase, int status, long millis, String retryAfter, String body) {
	}

	/**
	 * Six clients, each sending its next request 20 ms after the last answer: two with
	 * the session cookie, two with a bearer token on the relay route, two on a
	 * service-account route.
	 */
	private static final class Load implements AutoCloseable {

		private static final List<String> CLIENTS = List.of("session", "session", "bearer", "bearer", "service-account",
				"service-account");

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

		private final AtomicReference<String> phase = new AtomicReference<>("before");

		private final List<Thread> clients = new ArrayList<>();

		private final long start = System.nanoTime();

		private volatile boolean running = true;

		static Load start(GatewayInstance gateway, String session, String bearer) {
			Load load = new Load();
			for (String kind : CLIENTS) {
				Thread client = new Thread(() -> load.run(gateway, kind, session, bearer), "load-" + kind);
				client.start();
				load.clients.add(client);
			}
			return load;
		}

		private void run(GatewayInstance gateway, String kind, String session, String bearer) {
			int sequence = 0;
			while (this.running) {
				String path = kind.equals("service-account") ? "/reports-post/" : "/api/" + kind + "/";
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path + sequence++))
					.timeout(Duration.ofSeconds(10))
					.header("Accept", "application/json");
				if (kind.equals("session")) {
					request.header("Cookie", "EDGE_SESSION=" + session);
				}
				else {
					request.header("Authorization", "Bearer " + bearer);
				}
				String phase = this.phase.get();
				long sent = System.nanoTime();
				try {
					HttpResponse<String> response = this.http.send(request.build(),
							HttpResponse.BodyHandlers.ofString());
					this.calls.add(new Call((sent - this.start) / 1_000_000, kind, phase, response.statusCode(),
							(System.nanoTime() - sent) / 1_000_000,
							response.headers().firstValue("Retry-After").orElse(""), response.body()));
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (Exception ex) {
					this.calls.add(new Call((sent - this.start) / 1_000_000, kind, phase, -1,
							(System.nanoTime() - sent) / 1_000_000, "", String.valueOf(ex)));
				}
			}
		}

		void phase(String phase) {
			this.phase.set(phase);
		}

		Optional<Call> last(String kind) {
			synchronized (this.calls) {
				for (int i = this.calls.size() - 1; i >= 0; i--) {
					if (this.calls.get(i).kind().equals(kind)) {
						return Optional.of(this.calls.get(i));
					}
				}
			}
			return Optional.empty();
		}

		List<Call> calls(String phase, String kind, int status) {
			synchronized (this.calls) {
				return this.calls.stream()
					.filter((call) -> call.phase().equals(phase) && call.kind().equals(kind) && call.status() == status)
					.toList();
			}
		}

		List<Integer> statuses(String phase, String kind) {
			synchronized (this.calls) {
				return this.calls.stream()
					.filter((call) -> call.phase().equals(phase) && call.kind().equals(kind))
					.map(Call::status)
					.distinct()
					.toList();
			}
		}

		/**
		 * The figures of the run, per phase, kind and status: count, median, 99th
		 * percentile and largest duration (ms).
		 */
		void report() {
			Map<String, List<Long>> figures;
			synchronized (this.calls) {
				figures = this.calls.stream()
					.collect(Collectors.groupingBy((call) -> call.phase() + " " + call.kind() + " " + call.status(),
							TreeMap::new, Collectors.mapping(Call::millis, Collectors.toList())));
			}
			figures.forEach((key, millis) -> {
				List<Long> sorted = millis.stream().sorted().toList();
				System.out.println("redis outage figures: " + key + " n=" + sorted.size() + " p50="
						+ sorted.get(sorted.size() / 2) + " p99=" + sorted.get((int) (sorted.size() * 0.99)) + " max="
						+ sorted.get(sorted.size() - 1));
			});
		}

		void stop() throws InterruptedException {
			this.running = false;
			for (Thread client : this.clients) {
				client.join();
			}
		}

		@Override
		public void close() throws InterruptedException {
			stop();
		}

	}

}
