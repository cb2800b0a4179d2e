package io.edgegateway.app.tracing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.DocExamples;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.token.TokenService;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway with tracing on ({@code edge.tracing.enabled}) and Spring Boot's ECS
 * structured logging, through a real identity provider and the echo upstream: the spans
 * it exports (kept in memory by the OpenTelemetry SDK's exporter), the
 * {@code traceparent} the upstream and the provider receive, and the console lines a log
 * platform would ingest, parsed as JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path keys;

	private static final InMemorySpanExporter spans = InMemorySpanExporter.create();

	private static CredentialsFixture fixture;

	private static GatewayInstance gateway;

	private final TestBrowser browser = new TestBrowser();

	@BeforeAll
	static void start() throws IOException {
		fixture = CredentialsFixture.start(keys);
		Map<String, Object> properties = new LinkedHashMap<>(docsExample());
		// every request traced, the spans kept in memory instead of sent to a collector
		// every line of a request with its id (docs/observability.md, "The request id in
		// every line")
		properties.put("edge.logging.mdc.enabled", true);
		properties.put("management.tracing.sampling.probability", 1.0);
		properties.put("management.tracing.export.otlp.enabled", false);
		properties.put("management.opentelemetry.tracing.export.schedule-delay", "50ms");
		gateway = GatewayInstance.startWithBeans(fixture.idp().issuer(), TestServers.upstream().uri().toString(),
				fixture.gatewayProperties(properties),
				(context) -> context.registerBean(SpanExporter.class, () -> spans));
	}

	/**
	 * The configuration docs/observability.md shows: tracing and ECS logs on.
	 */
	private static Map<String, Object> docsExample() throws IOException {
		String yaml = DocExamples.yamlBlocks(Path.of("..", "docs", "observability.md")).get(0);
		Map<String, Object> properties = new LinkedHashMap<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("docs",
				new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))) {
			EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
			for (String name : enumerable.getPropertyNames()) {
				properties.put(name, String.valueOf(enumerable.getProperty(name)));
			}
		}
		assertThat(properties).containsEntry("edge.tracing.enabled", "true")
			.containsEntry("logging.structured.format.console", "ecs");
		return properties;
	}

	@AfterAll
	static void stop() {
		gateway.close();
		fixture.close();
	}

	@BeforeEach
	void signIn() {
		this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
		spans.reset();
	}

	@Test
	void proxiedRequestThenOneTraceFromTheGatewayThroughTheProviderToTheUpstream(CapturedOutput output) {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/exchange/orders", "Accept",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		Echo echo = Echo.of(response);
		String traceId = traceIdOf(echo.header("traceparent").get(0));

		SpanData server = awaitSpan(traceId, (span) -> span.getKind() == SpanKind.SERVER);
		assertThat(server.getAttributes().get(AttributeKey.stringKey("edge.route"))).isEqualTo("orders-exchange");
		assertThat(server.getAttributes().get(AttributeKey.stringKey("edge.credential.mode")))
			.isEqualTo("TOKEN_EXCHANGE");
		assertThat(server.getAttributes().get(AttributeKey.stringKey("edge.outcome"))).isEqualTo("allowed");
		assertThat(server.getAttributes().get(AttributeKey.stringKey("edge.request_id"))).isEqualTo(requestId);
		SpanData lookup = awaitSpan(traceId, (span) -> span.getName().equals(TokenService.LOOKUP_SPAN));
		assertThat(lookup.getAttributes().get(AttributeKey.stringKey("edge.result"))).isEqualTo("empty");
		SpanData mint = awaitSpan(traceId, (span) -> span.getName().equals(TokenService.MINT_SPAN));
		assertThat(mint.getAttributes().get(AttributeKey.stringKey("edge.token.kind"))).isEqualTo("TOKEN_EXCHANGE");
		assertThat(mint.getAttributes().get(AttributeKey.stringKey("edge.result"))).isEqualTo("value");
		SpanData providerCall = awaitSpan(traceId,
				(span) -> span.getKind() == SpanKind.CLIENT && span.getParentSpanId().equals(mint.getSpanId()));
		assertThat(providerCall.getAttributes().get(AttributeKey.stringKey("uri"))).contains("/oauth2/token");
		SpanData upstreamCall = awaitSpan(traceId,
				(span) -> span.getKind() == SpanKind.CLIENT && !span.getSpanId().equals(providerCall.getSpanId()));
		assertThat(echo.header("traceparent").get(0)).contains(upstreamCall.getSpanId());
		assertThat(fixture.idp().tokenRequestTraceparents()).anySatisfy(
				(traceparent) -> assertThat(traceparent).startsWith("00-" + traceId + "-" + providerCall.getSpanId()));

		Map<String, Object> access = awaitLine(output, "io.edgegateway.access", requestId);
		assertThat(access).containsEntry("trace_id", traceId)
			.containsEntry("route_id", "orders-exchange")
			.containsEntry("user_id", "alice")
			.containsEntry("method", "GET")
			.containsEntry("path", "/exchange/orders")
			.containsEntry("status", 200)
			.containsEntry("client_address", "127.0.0.1")
			.containsKeys("bytes", "duration_ms", "message");
		Map<String, Object> audit = awaitLine(output, "io.edgegateway.audit", requestId);
		assertThat(audit).containsEntry("trace_id", traceId)
			.containsEntry("route_id", "orders-exchange")
			.containsEntry("user_id", "alice")
			.containsEntry("credential_mode", "TOKEN_EXCHANGE")
			.containsEntry("outcome", "allowed")
			.containsEntry("upstream_status", 200)
			.containsKeys("time", "token_fingerprint", "latency_ms");
		assertThat((String) audit.get("message")).doesNotContain("{");
	}

	@Test
	void refusedRequestThenTheProblemCarriesTheTraceIdAndTheRequestIdOfTheHeader(CapturedOutput output) {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/exchange-id-token/orders", "Accept",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(403);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		Map<String, Object> problem = JSON.readValue(response.body(), Map.class);
		assertThat(problem).containsEntry("requestId", requestId);
		String traceId = (String) problem.get("traceId");
		assertThat(traceId).matches("[0-9a-f]{32}");
		SpanData server = awaitSpan(traceId, (span) -> span.getKind() == SpanKind.SERVER);
		assertThat(server.getAttributes().get(AttributeKey.stringKey("edge.outcome"))).isEqualTo("token_error");
		assertThat(server.getAttributes().get(AttributeKey.stringKey("edge.error")))
			.isEqualTo("unsupported_token_type");
		Map<String, Object> warning = awaitLine(output, "io.edgegateway.app.web.GatewayExceptionHandler", requestId);
		assertThat(warning).containsEntry("trace_id", traceId);
	}

	@Test
	void structuredLogsThenALineLoggedDuringTheRequestByCodeThatKnowsNoRequestIdCarriesIt(CapturedOutput output) {
		// a user in too many groups for the identity headers: IdentityHeaderInjector
		// warns
		// in the middle of the request, with no request id at hand
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "mdc-" + UUID.randomUUID());
		claims.put("aud", List.of("edge-gateway"));
		// 100 long group names: more than the identity headers take (4096 bytes), less
		// than
		// the request header limit takes in a bearer token
		claims.put("groups",
				IntStream.range(0, 100)
					.mapToObj((i) -> "a-group-with-a-long-name-for-the-mdc-test-%03d".formatted(i))
					.toList());
		String token = fixture.idp().signAccessToken(claims, Instant.now(), Instant.now().plusSeconds(300));
		HttpResponse<String> response = this.browser.get(gateway.url() + "/relayed/orders", "Accept",
				"application/json", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(200);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		Map<String, Object> warning = awaitLine(output, "io.edgegateway.filters.identity.IdentityHeaderInjector",
				requestId);
		assertThat((String) warning.get("message")).contains("exceed edge.identity.headers.max-value-length");
	}

	@Test
	void probesAndManagementThenNotInTheAccessLog(CapturedOutput output) {
		String marker = this.browser.get(gateway.url() + "/auth/me").headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(this.browser.get(gateway.url() + "/readyz").statusCode()).isEqualTo(200);
		assertThat(this.browser.get(gateway.url() + "/livez").statusCode()).isEqualTo(200);
		assertThat(this.browser.get(gateway.managementUrl() + "/actuator/health").statusCode()).isEqualTo(200);
		String last = this.browser.get(gateway.url() + "/auth/me").headers().firstValue("X-Request-Id").orElseThrow();
		awaitLine(output, "io.edgegateway.access", marker);
		awaitLine(output, "io.edgegateway.access", last);
		assertThat(lines(output, "io.edgegateway.access")).extracting((line) -> line.get("path"))
			.doesNotContain("/readyz", "/livez", "/actuator/health");
	}

	private static String traceIdOf(String traceparent) {
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		return traceparent.substring(3, 35);
	}

	private static SpanData awaitSpan(String traceId, Predicate<SpanData> matching) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getTraceId().equals(traceId) && matching.test(span))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

	private static Map<String, Object> awaitLine(CapturedOutput output, String logger, String requestId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> lines(output, logger).stream()
				.filter((line) -> requestId.equals(line.get("request_id")))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> lines(CapturedOutput output, String logger) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (String line : output.getOut().split("\n")) {
			if (line.startsWith("{") && line.contains("\"" + logger + "\"")) {
				Map<String, Object> parsed = JSON.readValue(line, Map.class);
				if (logger.equals(((Map<String, Object>) parsed.getOrDefault("log", Map.of())).get("logger"))
						|| logger.equals(parsed.get("log.logger"))) {
					lines.add(parsed);
				}
			}
		}
		return lines;
	}

}
