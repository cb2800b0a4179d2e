package io.edgegateway.app.bearer;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens of a further issuer ({@code edge.security.bearer.issuers}), a partner's
 * real identity provider beside the gateway's own: each token is verified with the keys
 * and audiences of the issuer it names, and no other issuer's token gets through.
 */
class BearerIssuersIntegrationTests {

	private static DemoIdentityProvider partner;

	private static DemoIdentityProvider stranger;

	private static GatewayInstance gateway;

	@BeforeAll
	static void start() {
		partner = DemoIdentityProvider.builder().port(0).start();
		stranger = DemoIdentityProvider.builder().port(0).start();
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of("edge.security.bearer.issuers[0].issuer-uri", partner.issuer(),
						"edge.security.bearer.issuers[0].audiences", "partner-portal"));
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
		Echo partners = call(token(partner, "pat", "partner-portal"));
		assertThat(partners.header("X-User-Id")).containsExactly("pat");
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

	private static String token(DemoIdentityProvider issuer, String subject, String audience) {
		return issuer.signAccessToken(Map.of("sub", subject, "aud", List.of(audience)), Instant.now(),
				Instant.now().plusSeconds(300));
	}

	private static Echo call(String token) {
		return Echo.of(new TestBrowser().get(gateway.url() + "/api/x", "Authorization", "Bearer " + token));
	}

	private static int status(String token) {
		HttpResponse<String> response = new TestBrowser().get(gateway.url() + "/api/x", "Authorization",
				"Bearer " + token, "Accept", "application/json");
		return response.statusCode();
	}

}
