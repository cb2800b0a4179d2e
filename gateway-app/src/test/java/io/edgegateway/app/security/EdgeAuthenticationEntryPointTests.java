package io.edgegateway.app.security;

import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.app.web.SignInRequiredException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in the identity provider asked for with a {@code prompt} carries it: in the
 * script's login URL and in a browser's redirect to sign in.
 */
class EdgeAuthenticationEntryPointTests {

	private final EdgeAuthenticationEntryPoint entryPoint = new EdgeAuthenticationEntryPoint(
			"/oauth2/authorization/idp", new SameOriginRequestCache(), new ProblemResponses(new JsonMapper()));

	@Test
	void providerAskedForConsentThenScriptsLoginUrlCarriesIt() {
		MockServerWebExchange exchange = script();
		this.entryPoint.commence(exchange, signIn("consent")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"login\":\"/auth/login?prompt=consent\"");
	}

	@Test
	void providerAskedForLoginThenBrowserIsSentToSignInWithIt() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/reports").header("Sec-Fetch-Mode", "navigate"));
		this.entryPoint.commence(exchange, signIn("login")).block();
		assertThat(exchange.getResponse().getHeaders().getLocation())
			.hasToString("/oauth2/authorization/idp?prompt=login");
	}

	@Test
	void noPromptOrOneNotPassedOnThenThePlainLoginUrl() {
		MockServerWebExchange exchange = script();
		this.entryPoint.commence(exchange, signIn("none")).block();
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"login\":\"/auth/login\"");
		MockServerWebExchange plain = script();
		this.entryPoint.commence(plain, signIn(null)).block();
		assertThat(plain.getResponse().getBodyAsString().block()).contains("\"login\":\"/auth/login\"");
	}

	private static MockServerWebExchange script() {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/orders").header("Accept", "application/json"));
	}

	private static AuthenticationException signIn(String prompt) {
		return new SignInRequiredException("The identity provider refused the credential", new RuntimeException(),
				prompt);
	}

}
