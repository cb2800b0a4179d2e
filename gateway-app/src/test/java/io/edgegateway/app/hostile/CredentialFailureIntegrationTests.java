package io.edgegateway.app.hostile;

import io.edgegateway.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import static io.edgegateway.app.hostile.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token endpoint that answers {@code 200} without a token: the route's credential ends
 * in a problem response and the upstream is never called without it. (A credential source
 * that completes without a token and without an error, which Spring Security's token
 * clients never let a provider's answer become, is covered by
 * {@code CredentialServiceTests}.)
 */
class CredentialFailureIntegrationTests {

	@Test
	void tokenEndpointAnswers200WithoutATokenThenProblemAndTheUpstreamIsNotCalled() {
		HostileGateway hostile = HostileGateway.get();
		String session = hostile.sessionCookie("alice");
		int upstreamBefore = hostile.upstream().received();
		int tokenRequestsBefore = hostile.tokenlessRequests();
		RawHttp.Response response = hostile.raw().send(get("/tokenless/x", "Cookie: " + session));
		assertThat(hostile.tokenlessRequests()).isGreaterThan(tokenRequestsBefore);
		assertThat(response.status()).isBetween(500, 599);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"route\":\"tokenless\"").contains("\"requestId\"");
		assertThat(hostile.upstream().received()).isEqualTo(upstreamBefore);
	}

}
