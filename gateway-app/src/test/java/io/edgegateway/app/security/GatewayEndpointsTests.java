package io.edgegateway.app.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayEndpointsTests {

	@ParameterizedTest
	@CsvSource({ "/oauth2/authorization/idp, true", "/login/oauth2/code/idp, true", "/login, true", "/logout, true",
			"/auth/login, true", "/auth/me, true", "/livez, true", "/readyz, true", "/favicon.ico, true",
			"/error, true", "/, false", "/api/orders, false", "/authority/x, false", "/logout-later, false",
			"/livez/x, false", "/app/logout, false", "/auth/..;/api, true" })
	void isGatewayEndpointWhenPathThenOnlyTheGatewaysOwn(String path, boolean own) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
		assertThat(GatewayEndpoints.isGatewayEndpoint(exchange)).as(path).isEqualTo(own);
		assertThat(GatewayEndpoints.NOT_MATCHER.matches(exchange).block().isMatch()).as(path).isNotEqualTo(own);
	}

}
