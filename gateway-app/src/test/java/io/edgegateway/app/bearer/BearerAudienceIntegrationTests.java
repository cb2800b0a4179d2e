package io.edgegateway.app.bearer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer configuration without an audience accepts tokens the provider issued for other
 * services: the gateway starts, as Spring Boot's resource server does, and says so in a
 * warning naming the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class BearerAudienceIntegrationTests {

	@Test
	void noAudienceConfiguredThenWarnsNamingThePropertyAndAcceptsAnotherServicesToken(CapturedOutput output) {
		DemoIdentityProvider idp = TestServers.idp();
		try (GatewayInstance gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of("spring.security.oauth2.resourceserver.jwt.audiences", ""))) {
			assertThat(output).contains("spring.security.oauth2.resourceserver.jwt.audiences is not set: bearer "
					+ "tokens are accepted whatever their audience");
			String othersToken = idp.signAccessToken(Map.of("sub", "bob", "aud", List.of("billing-api")), Instant.now(),
					Instant.now().plusSeconds(300));
			Echo echo = Echo
				.of(new TestBrowser().get(gateway.url() + "/api/x", "Authorization", "Bearer " + othersToken));
			assertThat(echo.header("X-User-Id")).containsExactly("bob");
		}
	}

	@Test
	void audienceConfiguredThenNoWarningAndAnotherServicesTokenRefused(CapturedOutput output) {
		DemoIdentityProvider idp = TestServers.idp();
		try (GatewayInstance gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of())) {
			assertThat(output).doesNotContain("audiences is not set");
			String othersToken = idp.signAccessToken(Map.of("sub", "bob", "aud", List.of("billing-api")), Instant.now(),
					Instant.now().plusSeconds(300));
			assertThat(new TestBrowser()
				.get(gateway.url() + "/api/x", "Authorization", "Bearer " + othersToken, "Accept", "application/json")
				.statusCode()).isEqualTo(401);
		}
	}

}
