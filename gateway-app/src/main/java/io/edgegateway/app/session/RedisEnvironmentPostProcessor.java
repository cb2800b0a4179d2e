package io.edgegateway.app.session;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads the conventional {@code REDIS_URL} as {@code spring.data.redis.url}, and, when no
 * Redis is configured at all, keeps the Redis health check out of the gateway's health:
 * the in-memory default is then healthy.
 */
class RedisEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String[] REDIS_PROPERTIES = { "spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes" };

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		String redisUrl = environment.getProperty("REDIS_URL");
		if (StringUtils.hasText(redisUrl) && !environment.containsProperty("spring.data.redis.url")) {
			defaults.put("spring.data.redis.url", redisUrl);
		}
		boolean configured = !defaults.isEmpty();
		for (String property : REDIS_PROPERTIES) {
			configured |= StringUtils.hasText(environment.getProperty(property));
		}
		if (!configured) {
			defaults.put("management.health.redis.enabled", "false");
		}
		environment.getPropertySources().addLast(new MapPropertySource("edgeGatewayRedisDefaults", defaults));
	}

}
