package io.edgegateway.app.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that serves as many requests as it takes answers the next one {@code 503}
 * with {@code Retry-After} at once, without touching the upstream, keeps its management
 * port answering, and takes requests again as soon as the ones in progress end.
 */
class OverloadIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void requestsPastTheLimitGet503WithRetryAfterAndTheLimitFreesWhenRequestsEnd() throws Exception {
		try (HeldUpstream upstream = new HeldUpstream();
				GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(), upstream.url(),
						Map.of("edge.security.max-concurrent-requests", 2))) {
			String bearer = TestServers.idp()
				.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), Instant.now(),
						Instant.now().plusSeconds(300));
			List<CompletableFuture<HttpResponse<String>>> held = List.of(call(gateway, bearer, "/api/held-1"),
					call(gateway, bearer, "/api/held-2"));
			await().atMost(Duration.ofSeconds(10)).until(() -> upstream.received.get() == 2);

			HttpResponse<String> shed = call(gateway, bearer, "/api/shed").get(5, TimeUnit.SECONDS);
			assertThat(shed.statusCode()).isEqualTo(503);
			assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(shed.headers().firstValue("X-Request-Id")).isPresent();
			assertThat(shed.body()).contains("\"error\":\"overloaded\"");
			assertThat(upstream.received.get()).isEqualTo(2);
			HttpResponse<String> health = this.http.send(
					HttpRequest.newBuilder(URI.create(gateway.managementUrl() + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);

			upstream.release.countDown();
			assertThat(held)
				.allSatisfy((response) -> assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
			// A request counts until its exchange completes, which can be just after the
			// client has its answer.
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(call(gateway, bearer, "/api/after").get(10, TimeUnit.SECONDS).statusCode())
							.isEqualTo(200));
		}
	}

	private CompletableFuture<HttpResponse<String>> call(GatewayInstance gateway, String bearer, String path) {
		return this.http.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url() + path))
			.header("Authorization", "Bearer " + bearer)
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * An upstream that reads each request and holds its answer until released.
	 */
	private static final class HeldUpstream implements AutoCloseable {

		final AtomicInteger received = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		private final ServerSocket server = new ServerSocket();

		HeldUpstream() throws IOException {
			this.server.bind(new InetSocketAddress("127.0.0.1", 0));
			Thread acceptor = new Thread(this::accept, "held-upstream");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getLocalPort();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					Thread connection = new Thread(() -> serve(socket), "held-upstream-connection");
					connection.setDaemon(true);
					connection.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket) {
			try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
				while (readHead(in)) {
					this.received.incrementAndGet();
					this.release.await(30, TimeUnit.SECONDS);
					out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// the gateway closed the connection, or the test ended
			}
		}

		/**
		 * Reads one request head (the gateway sends no body on a GET).
		 */
		private static boolean readHead(InputStream in) throws IOException {
			int matched = 0;
			byte[] end = { '\r', '\n', '\r', '\n' };
			int b;
			while ((b = in.read()) != -1) {
				matched = (b == end[matched]) ? matched + 1 : (b == '\r') ? 1 : 0;
				if (matched == end.length) {
					return true;
				}
			}
			return false;
		}

		@Override
		public void close() throws IOException {
			this.release.countDown();
			this.server.close();
		}

	}

}
