package io.edgegateway.idp.echo;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to a real {@link EchoUpstream} over HTTP.
 */
class EchoUpstreamTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private EchoUpstream upstream;

	@BeforeEach
	void start() {
		this.upstream = EchoUpstream.start(0);
	}

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void listensOnTheLoopbackAddress() {
		assertThat(this.upstream.port()).isPositive();
		assertThat(this.upstream.uri()).hasToString("http://127.0.0.1:" + this.upstream.port());
	}

	@Test
	void echoesMethodPathQueryHeadersBodyAndDecodedTokenAsJson() throws Exception {
		String jwt = base64Url("{\"alg\":\"RS256\"}") + "."
				+ base64Url("{\"sub\":\"alice\",\"groups\":[\"engineering\"]}") + ".signature";
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(this.upstream.uri().resolve("/api/orders?id=42&x=a%20b"))
				.header("X-Dup", "one")
				.header("X-Dup", "two")
				.header("X-User-Id", "alice")
				.header("Authorization", "Bearer " + jwt)
				.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}"))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		Map<String, Object> echo = json(response.body());
		assertThat(echo).containsEntry("method", "PATCH")
			.containsEntry("path", "/api/orders")
			.containsEntry("query", "id=42&x=a%20b")
			.containsEntry("body", "{\"hello\":\"world\"}")
			.containsEntry("token", Map.of("sub", "alice", "groups", List.of("engineering")));
		@SuppressWarnings("unchecked")
		Map<String, List<String>> headers = (Map<String, List<String>>) echo.get("headers");
		assertThat(headers).containsEntry("x-dup", List.of("one", "two"))
			.containsEntry("x-user-id", List.of("alice"))
			.containsEntry("authorization", List.of("Bearer " + jwt))
			.allSatisfy((name, values) -> assertThat(name).isLowerCase());
	}

	@Test
	void reportsABearerTokenThatIsNoJwtAsOpaque() throws Exception {
		Map<String, Object> echo = json(send(
				HttpRequest.newBuilder(this.upstream.uri().resolve("/")).header("Authorization", "Bearer not-a-jwt")));
		assertThat(echo).containsEntry("token", Map.of("opaque", true));
	}

	@Test
	void reportsNoTokenWithoutBearerAuthorization() throws Exception {
		Map<String, Object> echo = json(send(HttpRequest.newBuilder(this.upstream.uri().resolve("/plain"))));
		assertThat(echo).containsEntry("token", null).containsEntry("query", null).containsEntry("body", "");
	}

	@Test
	void rendersAnEscapedHtmlPageForBrowsers() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.upstream.uri().resolve("/page"))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("X-User-Name", "<script>alert('x')</script>")
			.header("X-Other", "plain & simple")
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		String html = response.body();
		assertThat(html).contains("<title>Edge Gateway demo — what the upstream received</title>")
			.doesNotContain("<script>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("plain &amp; simple");
		assertThat(html.indexOf("x-user-name")).as("identity headers come first")
			.isLessThan(html.indexOf("Other headers"));
		assertThat(html.indexOf("x-other")).isGreaterThan(html.indexOf("Other headers"));
	}

	@Test
	void servesConcurrentRequests() {
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 20)
			.mapToObj((i) -> this.http.sendAsync(HttpRequest.newBuilder(this.upstream.uri().resolve("/n/" + i)).build(),
					BodyHandlers.ofString()))
			.toList();
		assertThat(responses).allSatisfy((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
	}

	private String send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString()).body();
	}

	private static Map<String, Object> json(String body) {
		return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
