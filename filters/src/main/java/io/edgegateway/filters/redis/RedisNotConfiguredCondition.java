package io.edgegateway.filters.redis;

import io.edgegateway.filters.redis.RedisConfiguredCondition;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when no Redis server is configured: the negation of
 * {@link RedisConfiguredCondition}.
 */
public class RedisNotConfiguredCondition extends NoneNestedConditions {

	public RedisNotConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(RedisConfiguredCondition.class)
	static class RedisConfigured {

	}

}
