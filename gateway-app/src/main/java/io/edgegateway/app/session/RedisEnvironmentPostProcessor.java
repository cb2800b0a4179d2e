package io.edgegateway.app.session;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads the conventional {@code REDIS_URL} as {@code spring.data.redis.url}, and gives a
 * Redis Cluster's client the topology refresh that a failover needs.
 * <p>
 * Spring Boot leaves Lettuce's cluster topology as it was read at start: after a primary
 * fails and its replica takes over, the commands for its slots would go on timing out
 * against the dead node. So the gateway refreshes the topology on every adaptive trigger
 * (a {@code MOVED} redirect, an uncovered slot, a connection that keeps reconnecting)
 * and, since Lettuce allows one adaptive refresh per 30 s and the first one comes before
 * the replica is promoted, every {@value #CLUSTER_REFRESH_PERIOD} as well. Both are
 * defaults a deployment may override.
 */
class RedisEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String CLUSTER_REFRESH_ADAPTIVE = "spring.data.redis.lettuce.cluster.refresh.adaptive";

	static final String CLUSTER_REFRESH_PERIOD_PROPERTY = "spring.data.redis.lettuce.cluster.refresh.period";

	static final String CLUSTER_REFRESH_PERIOD = "5s";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		String redisUrl = environment.getProperty("REDIS_URL");
		if (StringUtils.hasText(redisUrl) && !environment.containsProperty("spring.data.redis.url")) {
			defaults.put("spring.data.redis.url", redisUrl);
		}
		defaults.put(CLUSTER_REFRESH_ADAPTIVE, "true");
		defaults.put(CLUSTER_REFRESH_PERIOD_PROPERTY, CLUSTER_REFRESH_PERIOD);
		environment.getPropertySources().addLast(new MapPropertySource("edgeGatewayRedisDefaults", defaults));
	}

}
