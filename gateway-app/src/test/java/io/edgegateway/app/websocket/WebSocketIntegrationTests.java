package io.edgegateway.app.websocket;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.app.support.TestWebSocket;
import io.edgegateway.app.support.WebSocketEcho;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebSockets through two real gateway replicas sharing a real Redis, to a real WebSocket
 * echo upstream, with the JDK's WebSocket client: the route of docs/websockets.md, the
 * handshake's checks, what the upstream's handshake carries, and every way the gateway
 * closes an open socket.
 */
class WebSocketIntegrationTests {

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static final String APP_ORIGIN = "https://app.example.com";

	@TempDir
	static Path routeFiles;

	private static WebSocketEcho echo;

	private static GatewayInstance first;

	private static GatewayInstance second;

	@BeforeAll
	static void start() throws Exception {
		echo = WebSocketEcho.start();
		String chat = DocExamples.yamlBlocks(Path.of("..", "docs", "websockets.md"))
			.stream()
			.filter((yaml) -> yaml.contains("id: chat"))
			.findFirst()
			.orElseThrow();
		Files.writeString(routeFiles.resolve("chat.yaml"), chat.replace("ws://chat.internal:8080", echo.uri()));
		Map<String, Object> properties = new LinkedHashMap<>(GatewayInstance.redisSessions(NAMESPACE));
		properties.put("edge.routes.directory", routeFiles);
		properties.put("edge.websocket.allowed-origins", APP_ORIGIN);
		first = start(properties);
		second = start(properties);
	}

	private static GatewayInstance start(Map<String, Object> properties) {
		return GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(), properties);
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
		echo.close();
	}

	@Test
	void signedInBrowserThenEchoRoundTripsAndTheUpstreamsHandshakeCarriesIdentityBearerAndRequestIdOnly() {
		TestBrowser browser = signIn(first, "alice");
		AuditEvents audit = new AuditEvents();
		audit.start();
		try {
			TestWebSocket socket = TestWebSocket.open(ws(first, "/ws/chat/room-1"), "Cookie",
					"EDGE_SESSION=" + session(browser) + "; XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN").orElseThrow()
							+ "; theme=dark",
					"Origin", first.url(), "X-User-Id", "mallory", "X-User-Groups", "admins", "X-Request-Id",
					"ws-request-1");
			Map<String, List<String>> upstream = WebSocketEcho.handshakeHeaders(socket.next());
			socket.send("hello");
			assertThat(socket.next()).isEqualTo("hello");
			assertThat(upstream.get("x-user-id")).containsExactly("alice");
			assertThat(upstream.get("x-user-groups")).containsExactly("engineering");
			assertThat(upstream.get("x-request-id")).containsExactly("ws-request-1");
			assertThat(upstream.get("authorization")).singleElement()
				.satisfies((authorization) -> assertThat(authorization).startsWith("Bearer eyJ"));
			assertThat(upstream.get("cookie")).containsExactly("theme=dark");
			assertThat(upstream.get("x-forwarded-for")).containsExactly("127.0.0.1");
			socket.close();
			assertThat(socket.closed(Duration.ofSeconds(5)).code()).isEqualTo(1000);
			assertThat(audit.forRoute("chat", 1)).singleElement()
				.satisfies((event) -> assertThat(event).containsEntry("user_id", "alice")
					.containsEntry("upstream_status", 101)
					.containsEntry("outcome", "allowed")
					.containsEntry("request_id", "ws-request-1")
					.containsEntry("credential_mode", "TOKEN_RELAY"));
		}
		finally {
			audit.stop();
		}
	}

	@Test
	void noSessionThen401ProblemAndNoRedirect() {
		HttpResponse<?> refused = TestWebSocket.refused(ws(first, "/ws/chat/room-1"), "Origin", first.url(),
				"Sec-Fetch-Mode", "websocket");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
	}

	@Test
	void sessionCookieFromAForeignOriginThen403AndFromTheOwnOrAnAllowedOriginThenOpen() {
		String cookie = "EDGE_SESSION=" + session(signIn(first, "alice"));
		HttpResponse<?> refused = TestWebSocket.refused(ws(first, "/ws/chat/room-1"), "Cookie", cookie, "Origin",
				"https://evil.example");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(TestWebSocket.refused(ws(first, "/ws/chat/room-1"), "Cookie", cookie, "Origin", "null").statusCode())
			.isEqualTo(403);
		for (String origin : List.of(first.url(), APP_ORIGIN, "HTTPS://APP.example.com:443")) {
			TestWebSocket socket = TestWebSocket.open(ws(first, "/ws/chat/room-1"), "Cookie", cookie, "Origin", origin);
			assertThat(WebSocketEcho.handshakeHeaders(socket.next()).get("x-user-id")).containsExactly("alice");
			socket.close();
		}
	}

	@Test
	void bearerClientThenOpenFromAnyOriginAndClosedAtTheTokensExpiry() throws Exception {
		Instant expiry = Instant.now().plusSeconds(3);
		String token = TestServers.idp()
			.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), Instant.now(), expiry);
		TestWebSocket socket = TestWebSocket.open(ws(first, "/ws/chat/room-2"), "Authorization", "Bearer " + token,
				"Origin", "https://tool.example");
		Map<String, List<String>> upstream = WebSocketEcho.handshakeHeaders(socket.next());
		assertThat(upstream.get("x-user-id")).containsExactly("carol");
		assertThat(upstream.get("authorization")).containsExactly("Bearer " + token);
		socket.send("ping");
		assertThat(socket.next()).isEqualTo("ping");
		TestWebSocket.Closed closed = socket.closed(Duration.ofSeconds(10));
		assertThat(closed.code()).isEqualTo(1008);
		assertThat(closed.reason()).isEqualTo("token expired");
		long lateMs = Duration.between(expiry, Instant.now()).toMillis();
		System.out.println("Bearer socket closed " + lateMs + " ms after the token's exp");
		assertThat(lateMs).isBetween(-1000L, 2000L);
		assertThat(echo.nextClose("/ws/chat/room-2")).as("the upstream's socket closed too").isNotNull();
		assertThat(first.count("edge.websocket.closed", "reason:token_expired")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void sessionRevokedOnTheOtherReplicaThenTheOpenSocketClosesWithinASecond() throws Exception {
		String user = "load-" + (int) (Math.random() * 90_000 + 10_000);
		String session = session(signIn(first, user));
		TestWebSocket socket = TestWebSocket.open(ws(first, "/ws/chat/room-3"), "Cookie", "EDGE_SESSION=" + session);
		assertThat(WebSocketEcho.handshakeHeaders(socket.next()).get("x-user-id")).containsExactly(user);
		TestWebSocket bystander = TestWebSocket.open(ws(first, "/ws/chat/room-3"), "Cookie",
				"EDGE_SESSION=" + session(signIn(first, "alice")));
		bystander.next();
		long start = System.nanoTime();
		HttpResponse<String> revoked = new TestBrowser()
			.send(HttpRequest.newBuilder(URI.create(second.managementUrl() + "/actuator/sessions?subject=" + user))
				.DELETE());
		long answered = System.nanoTime();
		assertThat(revoked.body()).contains("\"revoked\":1");
		TestWebSocket.Closed closed = socket.closed(Duration.ofSeconds(5));
		long latencyMs = Duration.ofNanos(closed.nanoTime() - start).toMillis();
		long afterAnswerMs = Duration.ofNanos(closed.nanoTime() - answered).toMillis();
		System.out.println("WebSocket close latency (revoked on replica B, socket on replica A): " + latencyMs
				+ " ms from the revocation request, " + afterAnswerMs + " ms from its answer (which took "
				+ Duration.ofNanos(answered - start).toMillis() + " ms)");
		// the revocation is done when it answers: the socket on the other replica closes
		// within a second of it
		assertThat(afterAnswerMs).isLessThan(1000);
		assertThat(closed.code()).isEqualTo(1008);
		assertThat(closed.reason()).isEqualTo("session ended");
		WebSocketCloseStatus upstreamClose = echo.nextClose("/ws/chat/room-3");
		assertThat(upstreamClose).as("the upstream's socket closed too").isNotNull();
		System.out.println("The upstream's socket closed with " + upstreamClose.code());
		assertThat(bystander.isOpen()).isTrue();
		bystander.send("still here");
		assertThat(bystander.next()).isEqualTo("still here");
		bystander.close();
		assertThat(first.count("edge.websocket.closed", "reason:session_ended")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void logoutThenTheBrowsersOpenSocketCloses() {
		TestBrowser browser = signIn(second, "bob");
		TestWebSocket socket = TestWebSocket.open(ws(second, "/ws/chat/room-4"), "Cookie",
				"EDGE_SESSION=" + session(browser), "Origin", second.url());
		socket.next();
		HttpResponse<String> logout = browser.post(second.url() + "/logout", "", "X-XSRF-TOKEN",
				browser.cookie("XSRF-TOKEN").orElseThrow());
		assertThat(logout.statusCode()).isEqualTo(302);
		TestWebSocket.Closed closed = socket.closed(Duration.ofSeconds(5));
		assertThat(closed.code()).isEqualTo(1008);
		assertThat(closed.reason()).isEqualTo("session ended");
	}

	@Test
	void idleSessionInMemoryThenTheSocketClosesAtItsExpiryAndAUsedOneKeepsItOpen() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("edge.routes.directory", routeFiles);
		properties.put("edge.session.timeout", "3s");
		properties.put("edge.session.touch-interval", "0s");
		try (GatewayInstance gateway = start(properties)) {
			TestBrowser idle = signIn(gateway, "alice");
			TestBrowser busy = signIn(gateway, "bob");
			long start = System.nanoTime();
			TestWebSocket idleSocket = TestWebSocket.open(ws(gateway, "/ws/chat/room-5"), "Cookie",
					"EDGE_SESSION=" + session(idle));
			TestWebSocket busySocket = TestWebSocket.open(ws(gateway, "/ws/chat/room-5"), "Cookie",
					"EDGE_SESSION=" + session(busy));
			idleSocket.next();
			busySocket.next();
			for (int i = 0; i < 8 && idleSocket.isOpen(); i++) {
				assertThat(busy.get(gateway.url() + "/api/ping", "Accept", "application/json").statusCode())
					.isEqualTo(200);
				Thread.sleep(1000);
			}
			TestWebSocket.Closed closed = idleSocket.closed(Duration.ofSeconds(1));
			long afterMs = Duration.ofNanos(closed.nanoTime() - start).toMillis();
			System.out.println("Idle session's socket closed " + afterMs + " ms after it opened (timeout 3 s)");
			assertThat(closed.code()).isEqualTo(1008);
			assertThat(closed.reason()).isEqualTo("session ended");
			assertThat(afterMs).isBetween(2500L, 5500L);
			assertThat(busySocket.isOpen()).isTrue();
			busySocket.send("still here");
			assertThat(busySocket.next()).isEqualTo("still here");
			busySocket.close();
		}
	}

	private static TestBrowser signIn(GatewayInstance gateway, String user) {
		TestBrowser browser = new TestBrowser();
		String password = user.startsWith("load-") ? "load-password" : user + "-password";
		assertThat(browser.signIn(gateway.url() + "/", user, password).statusCode()).isEqualTo(200);
		return browser;
	}

	private static String session(TestBrowser browser) {
		return browser.cookie("EDGE_SESSION").orElseThrow();
	}

	private static String ws(GatewayInstance gateway, String path) {
		return "ws://127.0.0.1:" + gateway.port() + path;
	}

}
