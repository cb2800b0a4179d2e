package io.edgegateway.app.security;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.app.web.SignInRequiredException;
import io.edgegateway.filters.tracing.RequestTraces;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in the identity provider asked for with a {@code prompt}, or a route's step-up
 * with {@code acr_values} and {@code max_age}, carries them: in the script's login URL
 * and in a browser's redirect to sign in.
 */
class EdgeAuthenticationEntryPointTests {

	private final EdgeAuthenticationEntryPoint entryPoint = new EdgeAuthenticationEntryPoint(signIns(),
			new SameOriginRequestCache(), new ProblemResponses(new JsonMapper(), RequestTraces.off()));

	/**
	 * One sign-in registration, {@code idp}, as the gateway's defaults have it.
	 */
	private static SignInRegistrations signIns() {
		OAuth2ClientProperties clients = new OAuth2ClientProperties();
		OAuth2ClientProperties.Registration idp = new OAuth2ClientProperties.Registration();
		idp.setClientId("edge-gateway");
		idp.setAuthorizationGrantType("authorization_code");
		clients.getRegistration().put("idp", idp);
		return SignInRegistrations.from(new EdgeSecurityProperties(), clients);
	}

	@Test
	void providerAskedForConsentThenScriptsLoginUrlCarriesIt() {
		MockServerWebExchange exchange = script();
		this.entryPoint.commence(exchange, signIn(Map.of("prompt", "consent"))).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"login\":\"/auth/login?prompt=consent\"");
	}

	@Test
	void providerAskedForLoginThenBrowserIsSentToSignInWithIt() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/reports").header("Sec-Fetch-Mode", "navigate"));
		this.entryPoint.commence(exchange, signIn(Map.of("prompt", "login"))).block();
		assertThat(exchange.getResponse().getHeaders().getLocation())
			.hasToString("/oauth2/authorization/idp?prompt=login");
	}

	@Test
	void noPromptOrOneNotPassedOnThenThePlainLoginUrl() {
		MockServerWebExchange exchange = script();
		this.entryPoint.commence(exchange, signIn(Map.of("prompt", "none"))).block();
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"login\":\"/auth/login\"");
		MockServerWebExchange plain = script();
		this.entryPoint.commence(plain, signIn(Map.of())).block();
		assertThat(plain.getResponse().getBodyAsString().block()).contains("\"login\":\"/auth/login\"");
	}

	@Test
	void stepUpThenLoginUrlAndRedirectCarryAcrValuesAndMaxAge() {
		Map<String, String> stepUp = new LinkedHashMap<>();
		stepUp.put("acr_values", "mfa urn:example:loa:2");
		stepUp.put("max_age", "900");
		MockServerWebExchange exchange = script();
		this.entryPoint.commence(exchange, signIn(stepUp)).block();
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"login\":\"/auth/login?acr_values=mfa%20urn:example:loa:2&max_age=900\"");
		MockServerWebExchange navigation = MockServerWebExchange
			.from(MockServerHttpRequest.get("/reports").header("Sec-Fetch-Mode", "navigate"));
		this.entryPoint.commence(navigation, signIn(stepUp)).block();
		assertThat(navigation.getResponse().getHeaders().getLocation())
			.hasToString("/oauth2/authorization/idp?acr_values=mfa%20urn:example:loa:2&max_age=900");
	}

	@Test
	void malformedStepUpValuesThenLeftOut() {
		MockServerWebExchange exchange = script();
		this.entryPoint.commence(exchange, signIn(Map.of("acr_values", "mfa\"><script>", "max_age", "-1"))).block();
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"login\":\"/auth/login\"");
	}

	private static MockServerWebExchange script() {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/orders").header("Accept", "application/json"));
	}

	private static AuthenticationException signIn(Map<String, String> parameters) {
		return new SignInRequiredException("The identity provider refused the credential", new RuntimeException(),
				parameters);
	}

}
