package io.edgegateway.app.security;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenConverterTests {

	@ParameterizedTest
	@ValueSource(strings = { "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2ln", "bearer abc", "BEARER abc==",
			"Bearer a-b.c_d~e+f/g", "Bearer abc=", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def",
			"Bearer abc=d", "Bearer =abc", "Bearer abc\n", "Bearer ab%c", "Bearer äbc", "Basic YWxhZGRpbjpvcGVu",
			"bearers abc", "Token abc", "" })
	void convertWhenAuthorizationHeaderThenSameAsSpringSecuritysConverter(String authorization) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api").header(HttpHeaders.AUTHORIZATION, authorization));
		assertThat(outcome(new BearerTokenConverter(), exchange))
			.isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), exchange));
	}

	private static String outcome(ServerAuthenticationConverter converter, MockServerWebExchange exchange) {
		try {
			Optional<Authentication> token = converter.convert(exchange).blockOptional();
			return token
				.map((authentication) -> "token " + ((BearerTokenAuthenticationToken) authentication).getToken())
				.orElse("none");
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

}
