package io.edgegateway.app.demo;

import io.edgegateway.app.EdgeGatewayApplication;
import io.edgegateway.idp.DemoIdentityProvider;
import io.edgegateway.idp.echo.EchoUpstream;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the demo with one command
 * ({@code ./mvnw -pl gateway-app -am spring-boot:test-run}): the demo identity provider
 * on port 9000, the echo upstream on 9001 and the gateway on 8080 with the {@code demo}
 * profile. Sessions stay in memory unless Redis is configured ({@code REDIS_URL} or
 * {@code spring.data.redis.*}).
 * <p>
 * It lives with the tests so the gateway's own jar carries neither the authorization
 * server nor the echo upstream.
 */
public final class DemoLauncher {

	private DemoLauncher() {
	}

	public static void main(String[] args) {
		DemoIdentityProvider idp = DemoIdentityProvider.builder().port(9000).start();
		EchoUpstream upstream = EchoUpstream.start(9001);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			upstream.close();
			idp.close();
		}));
		new SpringApplicationBuilder(EdgeGatewayApplication.class).profiles("demo").run(args);
	}

}
