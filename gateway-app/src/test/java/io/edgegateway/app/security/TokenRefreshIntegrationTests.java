package io.edgegateway.app.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's access token is refreshed with the refresh token when it expires (each
 * refresh token usable once, as the provider rotates them), and a refresh the provider
 * refuses ends the session cleanly.
 */
class TokenRefreshIntegrationTests {

	private final TestBrowser browser = new TestBrowser();

	@Test
	void shortLivedTokenThenUsedForHalfItsLifeNotRefreshedOnEveryRequest() throws InterruptedException {
		// 60 s tokens, as Keycloak issues them: with a fixed 60 s refresh skew every
		// request refreshed; the skew is at most half the token's lifetime.
		try (DemoIdentityProvider idp = rotatingProvider(Duration.ofSeconds(60));
				GatewayInstance gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
						GatewayInstance.redisSessions(GatewayInstance.newNamespace()))) {
			this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
			int refreshesBefore = idp.tokenRequests("refresh_token");
			Set<String> tokens = relayedTokens(gateway, 5, 0);
			assertThat(idp.tokenRequests("refresh_token") - refreshesBefore).isZero();
			assertThat(tokens).hasSize(1);
		}
	}

	@Test
	void expiredAccessTokenThenRefreshedWithRotatedRefreshTokensAndSessionSurvives() throws InterruptedException {
		// 2 s tokens are due for refresh after 1 s (half their lifetime).
		try (DemoIdentityProvider idp = rotatingProvider(Duration.ofSeconds(2));
				GatewayInstance gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
						GatewayInstance.redisSessions(GatewayInstance.newNamespace()))) {
			this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
			int refreshesBefore = idp.tokenRequests("refresh_token");
			Set<String> tokens = relayedTokens(gateway, 3, 1_100);
			assertThat(idp.tokenRequests("refresh_token") - refreshesBefore).isEqualTo(3);
			assertThat(tokens).hasSize(3);
		}
	}

	@Test
	void parallelRequestsOfOneSessionOverTwoReplicasWithRotatingRefreshTokensThenOneRefresh() throws Exception {
		// 20 s tokens are due for refresh 10 s after they are issued (half their
		// lifetime), and the refreshed one is good for 10 s more. This test waits in real
		// time: Spring Security stamps a token's expiry with the system clock when the
		// provider's answer arrives (expires_in), so a clock moved forward would make the
		// refreshed token look expired too.
		try (DemoIdentityProvider idp = rotatingProvider(Duration.ofSeconds(20))) {
			Map<String, Object> replica = new LinkedHashMap<>(
					GatewayInstance.redisSessions(GatewayInstance.newNamespace()));
			replica.put("edge.token-cache.redis-prefix", "edge-test:" + UUID.randomUUID() + ":token:");
			try (GatewayInstance first = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
					replica);
					GatewayInstance second = GatewayInstance.start(idp.issuer(),
							TestServers.upstream().uri().toString(), replica)) {
				this.browser.signIn(first.url() + "/", "alice", "alice-password");
				String cookie = "EDGE_SESSION=" + this.browser.cookie("EDGE_SESSION").orElseThrow();
				Thread.sleep(10_500);
				int refreshesBefore = idp.tokenRequests("refresh_token");
				HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					GatewayInstance replicaOf = (i % 2 == 0) ? first : second;
					responses.add(client.sendAsync(HttpRequest.newBuilder(URI.create(replicaOf.url() + "/api/" + i))
						.header("Accept", "application/json")
						.header("Cookie", cookie)
						.timeout(Duration.ofSeconds(30))
						.build(), HttpResponse.BodyHandlers.ofString()));
				}
				Set<String> tokens = new HashSet<>();
				for (CompletableFuture<HttpResponse<String>> response : responses) {
					tokens.add(Echo.of(response.join()).bearerToken());
				}
				assertThat(idp.tokenRequests("refresh_token") - refreshesBefore).isEqualTo(1);
				assertThat(tokens).hasSize(1);
				assertThat(this.browser.get(second.url() + "/auth/me", "Accept", "application/json").statusCode())
					.isEqualTo(200);
			}
		}
	}

	@Test
	void refreshRefusedThenSessionEndsWith401ForScriptsAndLoginForNavigations() throws InterruptedException {
		DemoIdentityProvider idp = DemoIdentityProvider.builder()
			.port(0)
			.accessTokenTimeToLive(Duration.ofSeconds(2))
			.start();
		int port = idp.port();
		try (GatewayInstance gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				GatewayInstance.redisSessions(GatewayInstance.newNamespace()))) {
			this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
			// A restarted provider has forgotten every grant: the session's refresh token
			// is no longer valid.
			idp.close();
			idp = DemoIdentityProvider.builder().port(port).accessTokenTimeToLive(Duration.ofSeconds(2)).start();
			Thread.sleep(1_100);
			HttpResponse<String> api = this.browser.get(gateway.url() + "/api/x", "Accept", "application/json");
			assertThat(api.statusCode()).isEqualTo(401);
			assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(api.body()).contains("\"login\":\"/auth/login\"").doesNotContain("eyJ");
			assertThat(this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
				.isEqualTo(401);
			HttpResponse<String> navigation = this.browser.navigate(gateway.url() + "/reports");
			assertThat(navigation.statusCode()).isEqualTo(302);
			assertThat(TestBrowser.location(navigation).getPath()).isEqualTo("/oauth2/authorization/idp");
		}
		finally {
			idp.close();
		}
	}

	@Test
	void providerUnreachableDuringRefreshThen503WithRetryAfter() throws InterruptedException {
		DemoIdentityProvider idp = DemoIdentityProvider.builder()
			.port(0)
			.accessTokenTimeToLive(Duration.ofSeconds(2))
			.start();
		try (GatewayInstance gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of())) {
			this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
			idp.close();
			Thread.sleep(1_100);
			HttpResponse<String> api = this.browser.get(gateway.url() + "/api/x", "Accept", "application/json");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(api.body()).contains("\"error\":\"idp_unavailable\"").contains("\"route\":\"demo-echo\"");
		}
		finally {
			idp.close();
		}
	}

	/**
	 * A provider whose refresh tokens can be used once (it rotates them).
	 */
	private static DemoIdentityProvider rotatingProvider(Duration accessTokenTimeToLive) {
		return DemoIdentityProvider.builder()
			.port(0)
			.accessTokenTimeToLive(accessTokenTimeToLive)
			.reuseRefreshTokens(false)
			.start();
	}

	/**
	 * The distinct tokens the upstream received for alice's calls through a relay route,
	 * each call after a pause.
	 */
	private Set<String> relayedTokens(GatewayInstance gateway, int calls, long pauseMillis)
			throws InterruptedException {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < calls; i++) {
			Thread.sleep(pauseMillis);
			Echo echo = Echo.of(this.browser.get(gateway.url() + "/api/x", "Accept", "application/json"));
			assertThat(echo.header("X-User-Id")).containsExactly("alice");
			tokens.add(echo.bearerToken());
		}
		return tokens;
	}

}
