package io.edgegateway.idp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * Builds the environment of the identity provider's context so that it ignores the
 * application it shares the JVM with: its own config file name, the gateway's
 * auto-configuration off, no Redis, no sessions store, no actuator endpoints. These
 * properties come first, so neither system properties nor environment variables of the
 * host override them.
 */
final class IsolatedEnvironment {

	private static final String CONFIG_NAME = "demo-idp";

	private static final List<String> EXCLUDED_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
			// Their ReactorResourceFactory uses Reactor Netty's global resources and
			// disposes them on close,
			// which would stop a gateway running in the same JVM.
			"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration");

	private IsolatedEnvironment() {
	}

	static ConfigurableEnvironment create(int port, String issuer, List<String> redirectUris,
			List<String> postLogoutRedirectUris, Duration accessTokenTimeToLive, boolean reuseRefreshTokens) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.name", CONFIG_NAME);
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.cloud.gateway.server.webflux.enabled", "false");
		properties.put("spring.autoconfigure.exclude", String.join(",", EXCLUDED_AUTO_CONFIGURATIONS));
		properties.put("management.server.port", "-1");
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", String.valueOf(port));
		properties.put("demo-idp.issuer", issuer);
		putList(properties, "demo-idp.redirect-uris", redirectUris);
		putList(properties, "demo-idp.post-logout-redirect-uris", postLogoutRedirectUris);
		properties.put("demo-idp.access-token-time-to-live", accessTokenTimeToLive.toString());
		properties.put("demo-idp.reuse-refresh-tokens", String.valueOf(reuseRefreshTokens));
		StandardServletEnvironment environment = new StandardServletEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("demoIdentityProvider", properties));
		return environment;
	}

	private static void putList(Map<String, Object> properties, String name, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			properties.put(name + "[" + i + "]", values.get(i));
		}
	}

}
