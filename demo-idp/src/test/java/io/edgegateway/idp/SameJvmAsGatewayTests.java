package io.edgegateway.idp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.edgegateway.idp.echo.EchoUpstream;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way the gateway's tests use this module: the identity provider and the echo
 * upstream in the same JVM as a reactive Spring Cloud Gateway application (with reactive
 * Redis and actuator on the classpath), each unaware of the other.
 */
class SameJvmAsGatewayTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void identityProviderAndEchoUpstreamRunNextToAReactiveGateway() throws Exception {
		try (DemoIdentityProvider idp = DemoIdentityProvider.builder().port(0).start();
				EchoUpstream upstream = EchoUpstream.start(0);
				ConfigurableApplicationContext gateway = new SpringApplicationBuilder(ReactiveGateway.class)
					.web(WebApplicationType.REACTIVE)
					.properties("server.port=0", "spring.main.banner-mode=off",
							"spring.cloud.gateway.server.webflux.routes[0].id=echo",
							"spring.cloud.gateway.server.webflux.routes[0].uri=" + upstream.uri(),
							"spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/echo/**")
					.run()) {
			assertThat(gateway.getBeansOfType(RouteLocator.class)).isNotEmpty();
			assertThat(gateway.getEnvironment().getProperty("demo-idp.issuer")).isNull();
			int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();

			HttpResponse<String> throughGateway = get("http://127.0.0.1:" + gatewayPort + "/echo/hello");
			assertThat(throughGateway.statusCode()).isEqualTo(200);
			assertThat(throughGateway.body()).contains("\"path\":\"/echo/hello\"");

			HttpResponse<String> discovery = get(idp.issuer() + "/.well-known/openid-configuration");
			assertThat(discovery.statusCode()).isEqualTo(200);
			assertThat(discovery.body()).contains("\"issuer\":\"" + idp.issuer() + "\"");
		}
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).build(), BodyHandlers.ofString());
	}

	/**
	 * A bare reactive gateway, without web security so the route answers without
	 * credentials.
	 */
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
	static class ReactiveGateway {

	}

}
