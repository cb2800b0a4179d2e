package io.edgegateway.app.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.Test;

import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With a configured public base URL, the redirect URI and the session cookie follow it,
 * whatever the request's {@code Host} or forwarded headers say; forwarded headers of a
 * trusted proxy are honoured when none is configured.
 */
class PublicBaseUrlIntegrationTests {

	private final TestBrowser browser = new TestBrowser();

	@Test
	void publicBaseUrlConfiguredThenRedirectUriUsesItWhateverTheClientSends() {
		try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(),
				Map.of("edge.security.public-base-url", "https://gateway.example.com"))) {
			HttpResponse<String> authorize = this.browser.get(gateway.url() + "/oauth2/authorization/idp",
					"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http");
			assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("redirect_uri",
					"https://gateway.example.com/login/oauth2/code/idp");
			HttpResponse<String> start = this.browser.navigate(gateway.url() + "/");
			assertThat(start.headers().allValues("Set-Cookie"))
				.anyMatch((cookie) -> cookie.startsWith("__Host-EDGE_SESSION=") && cookie.contains("Secure"));
		}
	}

	@Test
	void neitherPublicBaseUrlNorAllowedHostsThenRefusesToStartNamingBoth() {
		assertThatThrownBy(() -> GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), Map.of("edge.security.allowed-hosts", "")))
			.satisfies((failure) -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
				.contains("edge.security.public-base-url")
				.contains("is required unless edge.security.allowed-hosts is set"));
	}

	@Test
	void loginRegistrationThatIsNoSignInRegistrationThenRefusesToStartNamingTheProperty() {
		assertThatThrownBy(() -> GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), Map.of("edge.security.login-registration", "idp-typo")))
			.satisfies((failure) -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
				.contains("edge.security.login-registration")
				.contains("no spring.security.oauth2.client.registration.idp-typo is configured"));
	}

	@Test
	void trustedProxyThenItsForwardedHeadersAreHonoured() {
		try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), Map.of("edge.security.trusted-proxies", "127.0.0.0/8",
						"edge.security.allowed-hosts", "127.0.0.1, gateway.internal.example"))) {
			HttpResponse<String> authorize = this.browser.get(gateway.url() + "/oauth2/authorization/idp",
					"X-Forwarded-Host", "gateway.internal.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port",
					"443");
			assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("redirect_uri",
					"https://gateway.internal.example/login/oauth2/code/idp");
		}
	}

}
