package io.edgegateway.app.session;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when no Redis server is configured: the negation of
 * {@link RedisConfiguredCondition}.
 */
class RedisNotConfiguredCondition extends NoneNestedConditions {

	RedisNotConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(RedisConfiguredCondition.class)
	static class RedisConfigured {

	}

}
