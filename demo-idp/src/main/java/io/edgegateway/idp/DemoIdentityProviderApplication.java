package io.edgegateway.idp;

import io.edgegateway.idp.server.AuthorizationServerConfiguration;
import io.edgegateway.idp.server.DemoIdentityProviderProperties;
import io.edgegateway.idp.server.SecurityConfiguration;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The demo identity provider's Spring Boot application: a servlet Spring Authorization
 * Server. Start it with {@link DemoIdentityProvider#builder()}, which isolates it from
 * any application in the same JVM, or standalone with {@link #main(String[])} on port
 * 9000.
 * <p>
 * Deliberately no {@code @SpringBootApplication}: no component scan here, and nothing a
 * component scan of the gateway (which has this module on its test classpath) would pick
 * up.
 */
@EnableAutoConfiguration
@EnableConfigurationProperties(DemoIdentityProviderProperties.class)
@Import({ AuthorizationServerConfiguration.class, SecurityConfiguration.class })
public class DemoIdentityProviderApplication {

	/**
	 * Runs the demo identity provider until the JVM stops: on
	 * {@code http://127.0.0.1:9000} with two-minute access tokens, or on the port and
	 * with the access token lifetime given (the load tests' stack runs
	 * {@code DemoIdentityProviderApplication 9100 30m}).
	 * @param args optional: the port, then the access token lifetime ({@code 30m},
	 * {@code PT30M})
	 */
	public static void main(String[] args) {
		DemoIdentityProvider.Builder idp = DemoIdentityProvider.builder();
		if (args.length > 0) {
			idp.port(Integer.parseInt(args[0]));
		}
		if (args.length > 1) {
			idp.accessTokenTimeToLive(DurationStyle.detectAndParse(args[1]));
		}
		idp.start();
	}

}
