package io.edgegateway.app.routing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.file.RouteFilesLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Public routes ({@code metadata: { auth: public }}) through a real gateway, declared in
 * the application's configuration and in a route file: reached without a session or a
 * bearer token, and without a CSRF token, with no identity header the client sent and
 * none set by the gateway, audited without a user; every other route still needs a
 * signed-in user, also where a public route's path prefix covers it.
 */
class PublicRoutesIntegrationTests {

	private static final String WEBHOOKS = """
			routes:
			  - id: webhooks
			    uri: %s
			    predicates: [ "Path=/webhooks/**" ]
			    metadata:
			      auth: public
			""";

	@TempDir
	static Path routeFiles;

	private static GatewayInstance gateway;

	private final TestBrowser client = new TestBrowser();

	private final AuditEvents audit = new AuditEvents();

	@BeforeAll
	static void start() throws Exception {
		Files.writeString(routeFiles.resolve("webhooks.yaml"), WEBHOOKS.formatted(TestServers.upstream().uri()));
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of("spring.config.import", "classpath:public-routes.yaml", "edge.routes.directory", routeFiles,
						"edge.routes.reload-interval", "200ms"));
	}

	@AfterAll
	static void stop() {
		gateway.close();
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
	void publicRouteWithoutSessionOrBearerThenReachedWithoutIdentityHeadersAndAudited() {
		HttpResponse<String> response = this.client.get(gateway.url() + "/status/health", "Accept", "application/json",
				"X-User-Id", "mallory", "X-User-Email", "mallory@example.com", "X-Tenant-Id", "t1", "X-Forwarded-User",
				"mallory");
		Echo echo = Echo.of(response);
		assertThat(echo.path()).isEqualTo("/status/health");
		assertThat(echo.headers()).doesNotContainKeys("x-user-id", "x-user-email", "x-user-groups", "x-tenant-id",
				"x-user-issuer", "x-forwarded-user", "authorization");
		assertThat(echo.header("X-Request-Id")).singleElement().asString().isNotBlank();
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().allValues("Set-Cookie")).as("no session, no CSRF cookie").isEmpty();
		assertThat(this.audit.forRoute("status", 1)).singleElement().satisfies((event) -> {
			assertThat(event.get("user_id")).isNull();
			assertThat(event.get("outcome")).isEqualTo("allowed");
			assertThat(event.get("upstream_status")).isEqualTo(200);
		});
	}

	@Test
	void publicRouteOfARouteFileThenAWebhookPostsWithoutSignInOrCsrfToken() {
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/webhooks/payments"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-Signature", "sha256=abc")
				.POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"paid\"}")));
		Echo echo = Echo.of(response);
		assertThat(echo.method()).isEqualTo("POST");
		assertThat(echo.header("X-Signature")).containsExactly("sha256=abc");
		assertThat(response.body()).contains("{\\\"event\\\":\\\"paid\\\"}");
		assertThat(this.audit.forRoute("webhooks", 1)).singleElement()
			.satisfies((event) -> assertThat(event.get("outcome")).isEqualTo("allowed"));
	}

	@Test
	void publicRouteWhenSignedInThenTheSessionIsNotReadAndTheUpstreamLearnsOfNoUser() {
		TestBrowser browser = new TestBrowser();
		browser.signIn(gateway.url() + "/private/page", "alice", "alice-password");
		assertThat(
				Echo.of(browser.get(gateway.url() + "/private/me", "Accept", "application/json")).header("X-User-Id"))
			.containsExactly("alice");
		Echo echo = Echo.of(browser.get(gateway.url() + "/status/health", "Accept", "application/json"));
		assertThat(echo.headers()).doesNotContainKeys("x-user-id", "x-user-email", "authorization");
		assertThat(echo.header("Cookie")).noneMatch((cookies) -> cookies.contains("EDGE_SESSION"));
		assertThat(this.audit.forRoute("status", 1)).singleElement()
			.satisfies((event) -> assertThat(event.get("user_id")).isNull());
	}

	@Test
	void publicRouteWithABearerTokenThenTheTokenIsNotReadAndPassesAsSent() {
		String bearer = "Bearer " + TestServers.idp()
			.signAccessToken(Map.of("sub", "alice", "aud", List.of("edge-gateway")), Instant.now(),
					Instant.now().plusSeconds(600));
		Echo signed = Echo.of(this.client.get(gateway.url() + "/status/health", "Accept", "application/json",
				"Authorization", bearer));
		assertThat(signed.headers()).doesNotContainKey("x-user-id");
		assertThat(signed.header("Authorization")).containsExactly(bearer);
		HttpResponse<String> garbage = this.client.get(gateway.url() + "/status/health", "Accept", "application/json",
				"Authorization", "Bearer not-a-token");
		assertThat(garbage.statusCode()).isEqualTo(200);
	}

	/**
	 * A forward is dispatched again, by its new path: it is matched anew, not routed by
	 * the match made before the security chain, which would forward again.
	 */
	@Test
	void publicRouteForwardingToAnotherThenTheOtherServesIt() {
		Echo echo = Echo.of(this.client.get(gateway.url() + "/old-status", "Accept", "application/json"));
		assertThat(echo.path()).isEqualTo("/status/health");
	}

	@Test
	void routesThatNeedAUserWhenAPublicRouteCoversTheirPrefixThenStillNeedOne() {
		int before = TestServers.upstream().received();
		assertThat(this.client.get(gateway.url() + "/status/admin/users", "Accept", "application/json").statusCode())
			.isEqualTo(401);
		assertThat(this.client.get(gateway.url() + "/private/orders", "Accept", "application/json").statusCode())
			.isEqualTo(401);
		assertThat(this.client.get(gateway.url() + "/nowhere", "Accept", "application/json").statusCode())
			.isEqualTo(401);
		HttpResponse<String> navigation = this.client.navigate(gateway.url() + "/status/admin/users");
		assertThat(navigation.statusCode()).isEqualTo(302);
		// a write without a user is refused by CSRF protection, before authorization
		assertThat(this.client
			.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/private/orders"))
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")))
			.statusCode()).isEqualTo(403);
		assertThat(TestServers.upstream().received()).isEqualTo(before);
	}

	@Test
	void routeFileWhenAPublicRouteCannotWorkThenRejectedNamingTheRouteAndWhy() throws Exception {
		Files.writeString(routeFiles.resolve("broken.yaml"), """
				routes:
				  - id: public-relay
				    uri: %1$s
				    predicates: [ "Path=/public-relay/**" ]
				    metadata: { auth: public }
				    filters: [ TokenRelay ]
				  - id: anonymous
				    uri: %1$s
				    predicates: [ "Path=/anonymous/**" ]
				    metadata: { auth: anonymous }
				""".formatted(TestServers.upstream().uri()));
		RouteFilesLocator files = gateway.context().getBean(RouteFilesLocator.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> files.files().containsKey("broken.yaml"));
		assertThat(files.files().get("broken.yaml").problems()).containsExactly(
				"broken.yaml:10: route 'anonymous': metadata.auth: 'anonymous' is not one of: public",
				"broken.yaml:2: route 'public-relay': filters: TokenRelay needs a signed-in user, which a public route "
						+ "(metadata.auth: public) never has");
		assertThat(this.client.get(gateway.url() + "/public-relay/x", "Accept", "application/json").statusCode())
			.isEqualTo(401);
	}

}
