package io.edgegateway.app.session;

import io.edgegateway.filters.redis.RedisConfiguredCondition;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * How the gateway talks to Redis. Lettuce reads every answer of a connection on one I/O
 * thread and, by default, runs the subscriber's work on that thread too: for the gateway
 * that is the whole rest of a request (security chain, route filters, the proxy call).
 * Under a burst of first requests one request's work then delays the answers to all the
 * others, until their commands time out (seen as {@code 500}s with 500 concurrent
 * requests on two cores). With {@code publishOnScheduler} the answers are handed to
 * Lettuce's computation threads and the I/O thread only reads.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguredCondition.class)
class RedisClientConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer publishRedisAnswersOffTheIoThread() {
		return (options) -> options.publishOnScheduler(true);
	}

}
