package io.edgegateway.filters.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off Spring Cloud Gateway's own {@code TokenRelay} filter, which our
 * {@code TokenRelay} replaces: two factories of one name would leave it to bean order
 * which one a route gets. Added last, so it is only a default.
 */
class FiltersEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SCG_TOKEN_RELAY_ENABLED = "spring.cloud.gateway.server.webflux.filter.token-relay.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("edgeGatewayFilterDefaults", Map.of(SCG_TOKEN_RELAY_ENABLED, "false")));
	}

}
