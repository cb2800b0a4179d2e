package io.edgegateway.app.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers the gateway makes itself when no upstream answers, or no route matches: each is
 * {@code application/problem+json} with the request id of the {@code X-Request-Id} header
 * and no stack trace, never Spring's default error body.
 */
class ErrorResponsesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ServerSocket silentUpstream;

	private static final List<Socket> held = new CopyOnWriteArrayList<>();

	private static GatewayInstance gateway;

	private static final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws IOException {
		silentUpstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(ErrorResponsesIntegrationTests::acceptAndSayNothing, "silent-upstream");
		acceptor.setDaemon(true);
		acceptor.start();
		String route = "spring.cloud.gateway.server.webflux.routes[0].";
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of(route + "id", "silent", route + "uri", "http://127.0.0.1:" + silentUpstream.getLocalPort(),
						route + "predicates[0]", "Path=/silent/**", route + "metadata.response-timeout", "300"));
	}

	private static void acceptAndSayNothing() {
		while (!silentUpstream.isClosed()) {
			try {
				held.add(silentUpstream.accept());
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@AfterAll
	static void stop() throws IOException {
		gateway.close();
		silentUpstream.close();
		for (Socket socket : held) {
			socket.close();
		}
	}

	@Test
	void upstreamSlowerThanTheRouteTimeoutThen504Problem() throws Exception {
		HttpResponse<String> response = get("/silent/report");
		assertThat(response.statusCode()).isEqualTo(504);
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("status", 504)
			.containsEntry("title", "Gateway Timeout")
			.containsEntry("route", "silent")
			.containsEntry("instance", "/silent/report")
			.containsEntry("detail", "The upstream did not answer within the route's response timeout");
	}

	@Test
	void noRouteMatchesThen404Problem() throws Exception {
		HttpResponse<String> response = get("/nowhere");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(problem(response)).containsEntry("status", 404)
			.containsEntry("title", "Not Found")
			.containsEntry("instance", "/nowhere")
			.doesNotContainKey("route");
	}

	private static Map<String, Object> problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("trace").doesNotContain("Exception").doesNotContain("at io.");
		@SuppressWarnings("unchecked")
		Map<String, Object> problem = JSON.readValue(response.body(), Map.class);
		assertThat(problem.get("requestId")).isNotNull()
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		return problem;
	}

	private static HttpResponse<String> get(String path) throws Exception {
		Instant now = Instant.now();
		String token = TestServers.idp()
			.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), now, now.plusSeconds(300));
		return client.send(HttpRequest.newBuilder(URI.create(gateway.url() + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
