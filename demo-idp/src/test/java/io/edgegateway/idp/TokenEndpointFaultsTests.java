package io.edgegateway.idp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault switches of both token endpoints, over real HTTP: a slow identity provider
 * and one that answers with an error page instead of JSON; and the count of all token
 * requests.
 */
class TokenEndpointFaultsTests {

	private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

	private static final Map<String, String> DELEGATION = Map.of("grant_type",
			"urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", "not-a-jwt");

	private static DemoIdentityProvider idp;

	@BeforeAll
	static void startIdentityProvider() {
		idp = DemoIdentityProvider.builder().port(0).start();
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@AfterEach
	void answerNormallyAgain() {
		idp.tokenEndpointDelay(Duration.ZERO);
		idp.tokenEndpointFailure(0);
	}

	@Test
	void delaysEveryTokenRequest() throws Exception {
		idp.tokenEndpointDelay(Duration.ofMillis(700));
		long start = System.nanoTime();
		HttpResponse<String> token = new TokenEndpoint(idp.issuer()).send(CLIENT_CREDENTIALS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		assertThat(token.statusCode()).isEqualTo(200);
		start = System.nanoTime();
		HttpResponse<String> google = TokenEndpoint.withoutClientAuthentication(idp.googleTokenUri()).send(DELEGATION);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		assertThat(google.statusCode()).isEqualTo(400);
	}

	@Test
	void failsEveryTokenRequestWithAnHtmlBodyAndStillCountsIt() throws Exception {
		int before = idp.tokenRequests("client_credentials");
		idp.tokenEndpointFailure(503);
		List<HttpResponse<String>> responses = List.of(new TokenEndpoint(idp.issuer()).send(CLIENT_CREDENTIALS),
				TokenEndpoint.withoutClientAuthentication(idp.googleTokenUri()).send(DELEGATION));
		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/html"));
			assertThat(response.body()).isEqualTo("<html>oops</html>");
		}
		assertThat(idp.tokenRequests("client_credentials")).isEqualTo(before + 1);
		idp.tokenEndpointFailure(0);
		assertThat(new TokenEndpoint(idp.issuer()).send(CLIENT_CREDENTIALS).statusCode()).isEqualTo(200);
	}

	@Test
	void countsTheRequestsOfEveryGrant() throws Exception {
		int before = idp.tokenRequests();
		new TokenEndpoint(idp.issuer()).send(CLIENT_CREDENTIALS);
		new TokenEndpoint(idp.issuer()).send(Map.of("grant_type", "refresh_token", "refresh_token", "unknown"));
		TokenEndpoint.withoutClientAuthentication(idp.googleTokenUri()).send(DELEGATION);
		assertThat(idp.tokenRequests()).isEqualTo(before + 3);
	}

}
