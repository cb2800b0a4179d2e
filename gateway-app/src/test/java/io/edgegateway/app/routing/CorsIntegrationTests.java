package io.edgegateway.app.routing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.StaticServer;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.cloud.gateway.filter.cors.CorsGatewayFilterApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-route CORS policies ({@code metadata.cors}) through a real gateway, from a route
 * file and from the application's configuration: a preflight is answered from the policy
 * of the route it is for, without a cookie and without reaching the upstream; an origin
 * or method the policy does not allow gets {@code 403}; a route without a policy answers
 * no CORS header; the response to the request that follows carries the policy's headers,
 * and never the upstream's own beside them.
 */
class CorsIntegrationTests {

	private static final String APP = "https://app.example.com";

	private static final String PARTNER = "https://partner.example.com";

	private static final String ROUTES = """
			routes:
			  - id: orders-export
			    uri: %1$s
			    predicates: [ "Path=/orders/export/**" ]
			  - id: orders
			    uri: %1$s
			    predicates: [ "Path=/orders/**" ]
			    metadata:
			      cors:
			        allowedOrigins: [ "%3$s" ]
			        allowedMethods: [ GET, POST ]
			        allowedHeaders: [ Content-Type, X-XSRF-TOKEN ]
			        exposedHeaders: [ X-Request-Id ]
			        allowCredentials: true
			        maxAge: 600
			  - id: reports
			    uri: %1$s
			    predicates: [ "Path=/reports/**" ]
			  - id: legacy
			    uri: %2$s
			    predicates: [ "Path=/legacy/**" ]
			    metadata:
			      cors:
			        allowedOrigins: [ "%3$s" ]
			        allowCredentials: true
			  - id: legacy-plain
			    uri: %2$s
			    predicates: [ "Path=/legacy-plain/**" ]
			  - id: assets
			    uri: %1$s
			    predicates: [ "Path=/assets/**" ]
			    metadata:
			      auth: public
			      cors:
			        allowedOrigins: "*"
			""";

	@TempDir
	static Path routeFiles;

	private static StaticServer legacy;

	private static GatewayInstance gateway;

	private static String bearer;

	private final TestBrowser client = new TestBrowser();

	@BeforeAll
	static void start() throws Exception {
		legacy = StaticServer.start("application/json", "{\"legacy\":true}",
				Map.of("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true",
						"Access-Control-Expose-Headers", "X-Legacy", "Vary", "Accept-Encoding"));
		Files.writeString(routeFiles.resolve("spa.yaml"),
				ROUTES.formatted(TestServers.upstream().uri(), legacy.origin(), APP));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("edge.routes.directory", routeFiles);
		// The application's own routes, bound from properties: every value a string.
		String partners = "spring.cloud.gateway.server.webflux.routes[0].";
		properties.put(partners + "id", "partners");
		properties.put(partners + "uri", TestServers.upstream().uri());
		properties.put(partners + "predicates[0]", "Path=/partners/**");
		properties.put(partners + "metadata.cors.allowedOrigins[0]", PARTNER);
		properties.put(partners + "metadata.cors.allowedMethods", "GET,PUT");
		properties.put(partners + "metadata.cors.allowCredentials", "true");
		properties.put(partners + "metadata.cors.maxAge", "120");
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				properties);
		bearer = "Bearer " + TestServers.idp()
			.signAccessToken(Map.of("sub", "alice", "aud", List.of("edge-gateway")), Instant.now(),
					Instant.now().plusSeconds(600));
	}

	@AfterAll
	static void stop() {
		gateway.close();
		legacy.close();
	}

	@Test
	void preflightThenAnsweredFromTheRoutesPolicyWithoutACookieAndNeverReachesTheUpstream() {
		int before = TestServers.upstream().received();
		HttpResponse<String> response = preflight("/orders/42", APP, "POST", "content-type,x-xsrf-token");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValue("content-type, x-xsrf-token");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
		assertThat(response.headers().allValues("Vary")).contains("Origin");
		assertThat(TestServers.upstream().received()).isEqualTo(before);
	}

	@Test
	void preflightFromAnOriginOrForAMethodOrHeaderThePolicyDoesNotAllowThen403() {
		HttpResponse<String> otherOrigin = preflight("/orders/42", "https://evil.example", "GET", null);
		assertThat(otherOrigin.statusCode()).isEqualTo(403);
		assertThat(otherOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight("/orders/42", APP, "DELETE", null).statusCode()).isEqualTo(403);
		assertThat(preflight("/orders/42", APP, "GET", "x-admin").statusCode()).isEqualTo(403);
		assertThat(preflight("/orders/42", "http://app.example.com", "GET", null).statusCode()).isEqualTo(403);
	}

	@Test
	void preflightForARouteWithoutAPolicyThenNoCorsHeadersAndNoSignInAsked() {
		int before = TestServers.upstream().received();
		HttpResponse<String> response = preflight("/reports/q1", APP, "GET", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
		assertThat(TestServers.upstream().received()).isEqualTo(before);
	}

	/**
	 * The orders policy covers {@code /orders/**}, but the orders-export route, first in
	 * order, serves its exports without one: its preflight gets no CORS header. Spring
	 * Cloud Gateway's own listener, which would file the orders policy under
	 * {@code /orders/**} for every route, is off.
	 */
	@Test
	void preflightForARouteWithoutAPolicyUnderAnotherRoutesPathThenOnlyItsOwnPolicyCounts() {
		HttpResponse<String> response = preflight("/orders/export/all", APP, "GET", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(gateway.context().getBeanNamesForType(CorsGatewayFilterApplicationListener.class)).isEmpty();
	}

	@Test
	void crossOriginRequestOfAUserThenTheResponseCarriesThePolicy() {
		HttpResponse<String> response = this.client.get(gateway.url() + "/orders/42", "Origin", APP, "Accept",
				"application/json", "Authorization", bearer);
		assertThat(Echo.of(response).header("X-User-Id")).containsExactly("alice");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);
		assertThat(response.headers().allValues("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Request-Id");
	}

	@Test
	void crossOriginRequestFromAnOriginNotAllowedThen403WithoutCallingTheUpstream() {
		int before = TestServers.upstream().received();
		HttpResponse<String> response = this.client.get(gateway.url() + "/orders/42", "Origin", "https://evil.example",
				"Accept", "application/json", "Authorization", bearer);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(TestServers.upstream().received()).isEqualTo(before);
	}

	@Test
	void upstreamsOwnCorsHeadersOnARouteWithAPolicyThenOnlyTheGatewaysReachTheBrowser() {
		HttpResponse<String> response = this.client.get(gateway.url() + "/legacy/data", "Origin", APP, "Accept",
				"application/json", "Authorization", bearer);
		assertThat(response.body()).isEqualTo("{\"legacy\":true}");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);
		assertThat(response.headers().allValues("Access-Control-Allow-Credentials")).containsExactly("true");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();
		assertThat(response.headers().allValues("Vary")).contains("Accept-Encoding");

		HttpResponse<String> plain = this.client.get(gateway.url() + "/legacy-plain/data", "Origin", APP, "Accept",
				"application/json", "Authorization", bearer);
		assertThat(plain.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(plain.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Legacy");
	}

	@Test
	void policyOfTheApplicationsConfigurationThenItsStringsAreReadAsTheirTypes() {
		HttpResponse<String> response = preflight("/partners/contracts", PARTNER, "PUT", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(PARTNER);
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("120");
	}

	@Test
	void publicRouteWithAPolicyForEveryOriginThenAnyPageReadsItWithoutCredentials() {
		HttpResponse<String> response = this.client.get(gateway.url() + "/assets/app.css", "Origin",
				"https://anyone.example", "Accept", "application/json");
		assertThat(Echo.of(response).path()).isEqualTo("/assets/app.css");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	private HttpResponse<String> preflight(String path, String origin, String method, String headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method);
		if (headers != null) {
			request.header("Access-Control-Request-Headers", headers);
		}
		return this.client.send(request);
	}

}
