package io.edgegateway.app.session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.edgegateway.filters.redis.RedisConfiguredCondition;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * How the gateway talks to Redis.
 * <ul>
 * <li>Lettuce reads every answer of a connection on one I/O thread and, by default, runs
 * the subscriber's work on that thread too: for the gateway that is the whole rest of a
 * request (security chain, route filters, the proxy call). Under a burst of first
 * requests one request's work then delays the answers to all the others, until their
 * commands time out (seen as {@code 500}s with 500 concurrent requests on two cores).
 * With {@code publishOnScheduler} the answers are handed to Lettuce's computation threads
 * and the I/O thread only reads.</li>
 * <li>While a connection is down, commands are refused at once
 * ({@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}) instead of queued until
 * Lettuce reconnects or the command timeout passes: a session request then gets its
 * {@code 503} in milliseconds, not after {@code spring.data.redis.timeout}, and the token
 * cache mints at once.</li>
 * <li>Lettuce tries to reconnect after a pause that doubles up to {@link #RECONNECT_MAX}
 * (its own default reaches 30 s): a replica whose Redis was down for a minute is back
 * within a second of Redis, not up to 30 s later.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguredCondition.class)
class RedisClientConfiguration {

	/**
	 * The longest pause between two attempts to reconnect.
	 */
	static final Duration RECONNECT_MAX = Duration.ofSeconds(1);

	@Bean
	LettuceClientOptionsBuilderCustomizer redisClientOptions() {
		return (options) -> options.publishOnScheduler(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	ClientResourcesBuilderCustomizer redisReconnectDelay() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), RECONNECT_MAX, 2, TimeUnit.MILLISECONDS));
	}

}
