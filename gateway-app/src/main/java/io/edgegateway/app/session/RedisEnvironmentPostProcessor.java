package io.edgegateway.app.session;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads the conventional {@code REDIS_URL} as {@code spring.data.redis.url}.
 */
class RedisEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		String redisUrl = environment.getProperty("REDIS_URL");
		if (StringUtils.hasText(redisUrl) && !environment.containsProperty("spring.data.redis.url")) {
			defaults.put("spring.data.redis.url", redisUrl);
		}
		environment.getPropertySources().addLast(new MapPropertySource("edgeGatewayRedisDefaults", defaults));
	}

}
