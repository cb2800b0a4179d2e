package io.edgegateway.filters.redis;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when a Redis server is configured ({@code spring.data.redis.url},
 * {@code .host}, {@code .sentinel.master} or {@code .cluster.nodes}); without one, the
 * gateway keeps its state in memory.
 */
public class RedisConfiguredCondition extends AnyNestedCondition {

	public RedisConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("spring.data.redis.url")
	static class Url {

	}

	@ConditionalOnProperty("spring.data.redis.host")
	static class Host {

	}

	@ConditionalOnProperty("spring.data.redis.sentinel.master")
	static class Sentinel {

	}

	@ConditionalOnProperty("spring.data.redis.cluster.nodes")
	static class Cluster {

	}

}
