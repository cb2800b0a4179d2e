package io.edgegateway.app.security;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim minimisation and the bound on identity values over real connections: a real
 * gateway with its default {@code IdentityHeaders} filter and a route file whose route
 * chooses fewer headers, the real authorization server's bearer tokens for a user in 500
 * groups, and the echo upstream that reports what it received.
 */
class IdentityHeadersMinimisationIntegrationTests {

	private static final String ROUTES = """
			routes:
			  - id: analytics
			    uri: %1$s
			    predicates: [ "Path=/analytics/**" ]
			    filters:
			      - name: IdentityHeaders
			        args: { headers: [ user-id, groups, tenant ], groups-prefix: analytics- }
			  - id: orders
			    uri: %1$s
			    predicates: [ "Path=/orders/**" ]
			""";

	@TempDir
	static Path routeFiles;

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	private final TestBrowser browser = new TestBrowser();

	@BeforeAll
	static void start() throws Exception {
		idp = TestServers.idp();
		Files.writeString(routeFiles.resolve("team.yaml"), ROUTES.formatted(TestServers.upstream().uri()));
		gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of("edge.routes.directory", routeFiles));
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void routeThatChoosesThenNoEmailAndOnlyGroupsOfItsPrefixWhateverTheClientSent() {
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/analytics/q3", "Authorization",
				"Bearer " + tokenOf("bob", List.of("sales", "analytics-viewers", "analytics-admins")), "X-User-Email",
				"mallory@example.com", "X-User-Groups-Truncated", "false"));
		assertThat(echo.header("X-User-Id")).containsExactly("bob");
		assertThat(echo.header("X-User-Groups")).containsExactly("analytics-viewers,analytics-admins");
		assertThat(echo.header("X-Tenant-Id")).containsExactly("t2");
		assertThat(echo.header("X-User-Email")).isEmpty();
		assertThat(echo.header("X-User-Issuer")).isEmpty();
		assertThat(echo.header("X-User-Groups-Truncated")).isEmpty();
		assertThat(echo.header("X-Request-Id")).hasSize(1);
	}

	@Test
	void routeWithTheDefaultFilterOnlyThenEveryIdentityHeader() {
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/orders/42", "Authorization",
				"Bearer " + tokenOf("bob", List.of("sales", "analytics-viewers"))));
		assertThat(echo.header("X-User-Email")).containsExactly("bob@example.com");
		assertThat(echo.header("X-User-Groups")).containsExactly("sales,analytics-viewers");
		assertThat(echo.header("X-User-Issuer")).containsExactly(idp.issuer());
	}

	@Test
	void userInFiveHundredGroupsThenTheGroupsThatFitInOrderAndTheMarker() {
		List<String> groups = IntStream.range(0, 500).mapToObj((i) -> "team-%03d".formatted(i)).toList();
		HttpResponse<String> response = this.browser.get(gateway.url() + "/orders/42", "Authorization",
				"Bearer " + tokenOf("bob", groups));
		assertThat(response.statusCode()).isEqualTo(200);
		Echo echo = Echo.of(response);
		String sent = echo.header("X-User-Groups").get(0);
		int identityBytes = sent.length() + "bob".length() + "bob@example.com".length() + "t2".length()
				+ idp.issuer().length();
		assertThat(identityBytes).isLessThanOrEqualTo(4096);
		List<String> kept = List.of(sent.split(","));
		assertThat(kept).hasSizeGreaterThan(300).isEqualTo(groups.subList(0, kept.size()));
		assertThat(echo.header("X-User-Groups-Truncated")).containsExactly("true");
		assertThat(echo.header("X-User-Email")).containsExactly("bob@example.com");
	}

	private static String tokenOf(String user, List<String> groups) {
		Map<String, Object> claims = EdgeSecurityIntegrationTests.bearerClaims(user, "edge-gateway");
		claims.put("groups", new ArrayList<>(groups));
		return idp.signAccessToken(claims, Instant.now(), Instant.now().plusSeconds(300));
	}

}
