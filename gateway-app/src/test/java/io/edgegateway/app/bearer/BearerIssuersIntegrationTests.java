package io.edgegateway.app.bearer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.AuditEvents;
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
 * Bearer tokens of a further issuer ({@code edge.security.bearer.issuers}), a partner's
 * real identity provider beside the gateway's own: each token is verified with the keys
 * and audiences of the issuer it names, and no other issuer's token gets through. The
 * upstream learns which provider signed the user in ({@code X-User-Issuer}), and a route
 * can admit one provider's users only ({@code RequireClaims issuers}).
 */
class BearerIssuersIntegrationTests {

	private static DemoIdentityProvider partner;

	private static DemoIdentityProvider stranger;

	private static GatewayInstance gateway;

	@TempDir
	static Path routes;

	@BeforeAll
	static void start() throws IOException {
		partner = DemoIdentityProvider.builder().port(0).start();
		stranger = DemoIdentityProvider.builder().port(0).start();
		Files.writeString(routes.resolve("workforce.yaml"), """
				routes:
				  - id: workforce-only
				    uri: %s
				    # Before the demo's catch-all route (route precedence is issue 15).
				    order: -1
				    predicates: [ "Path=/workforce/**" ]
				    filters:
				      - name: RequireClaims
				        args: { issuers: [ "%s" ] }
				""".formatted(TestServers.upstream().uri(), TestServers.idp().issuer()));
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of("edge.security.bearer.issuers[0].issuer-uri", partner.issuer(),
						"edge.security.bearer.issuers[0].audiences", "partner-portal", "edge.routes.directory",
						routes));
	}

	@AfterAll
	static void stop() {
		gateway.close();
		partner.close();
		stranger.close();
	}

	@Test
	void tokensOfTheGatewaysProviderAndOfThePartnerThenBothUsersReachTheUpstream() {
		Echo own = call(token(TestServers.idp(), "alice", "edge-gateway"));
		assertThat(own.header("X-User-Id")).containsExactly("alice");
		assertThat(own.header("X-User-Issuer")).containsExactly(TestServers.idp().issuer());
		Echo partners = call(token(partner, "pat", "partner-portal"));
		assertThat(partners.header("X-User-Id")).containsExactly("pat");
		assertThat(partners.header("X-User-Issuer")).containsExactly(partner.issuer());
		assertThat(call(token(partner, "pat", "partner-portal")).header("X-User-Id")).as("verified before")
			.containsExactly("pat");
	}

	@Test
	void eachIssuersOwnAudienceAndKeysThenAnythingElseIs401() {
		assertThat(status(token(partner, "pat", "edge-gateway"))).as("the partner's token for the gateway's audience")
			.isEqualTo(401);
		assertThat(status(token(stranger, "eve", "partner-portal"))).as("an issuer nobody trusts").isEqualTo(401);
		String forged = stranger.signAccessToken(
				Map.of("iss", partner.issuer(), "sub", "eve", "aud", List.of("partner-portal")), Instant.now(),
				Instant.now().plusSeconds(300));
		assertThat(status(forged)).as("names the partner, signed by another key").isEqualTo(401);
		assertThat(status(token(partner, "pat", "partner-portal"))).isEqualTo(200);
	}

	@Test
	void auditEventsSayWhichProviderSignedTheUserIn() {
		AuditEvents audit = new AuditEvents();
		audit.start();
		try {
			call(token(partner, "alice", "partner-portal"));
			assertThat(audit.forRoute("demo-echo", 1)).singleElement()
				.satisfies((event) -> assertThat(event).containsEntry("user_id", "alice")
					.containsEntry("issuer", partner.issuer()));
		}
		finally {
			audit.stop();
		}
	}

	@Test
	void routeAdmittingTheGatewaysProviderOnlyThenThePartnersUserGets403() {
		assertThat(status(token(TestServers.idp(), "alice", "edge-gateway"), "/workforce/x")).isEqualTo(200);
		HttpResponse<String> partners = new TestBrowser().get(gateway.url() + "/workforce/x", "Authorization",
				"Bearer " + token(partner, "pat", "partner-portal"), "Accept", "application/json");
		assertThat(partners.statusCode()).isEqualTo(403);
		assertThat(partners.body()).contains("\"rule\":\"issuers: one of [" + TestServers.idp().issuer() + "]\"");
	}

	private static String token(DemoIdentityProvider issuer, String subject, String audience) {
		return issuer.signAccessToken(Map.of("sub", subject, "aud", List.of(audience)), Instant.now(),
				Instant.now().plusSeconds(300));
	}

	private static Echo call(String token) {
		return Echo.of(new TestBrowser().get(gateway.url() + "/api/x", "Authorization", "Bearer " + token));
	}

	private static int status(String token) {
		return status(token, "/api/x");
	}

	private static int status(String token, String path) {
		return new TestBrowser()
			.get(gateway.url() + path, "Authorization", "Bearer " + token, "Accept", "application/json")
			.statusCode();
	}

}
