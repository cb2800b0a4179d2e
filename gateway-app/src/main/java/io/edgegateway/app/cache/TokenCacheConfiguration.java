package io.edgegateway.app.cache;

import io.edgegateway.app.session.RedisConfiguredCondition;
import io.edgegateway.app.session.SessionProperties;
import io.edgegateway.filters.credential.IdpCircuitBreakers;
import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.token.TokenCacheProperties;
import io.edgegateway.filters.token.TokenCacheStatus;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.cache.RedisMintLock;
import io.edgegateway.filters.token.cache.RedisTokenCache;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * With Redis configured, minted tokens are shared between replicas through Redis,
 * encrypted with {@code edge.token-cache.encryption} (or, when that is not set, the
 * session's keys).
 */
@Configuration(proxyBeanMethods = false)
class TokenCacheConfiguration {

	@Bean
	TokenCacheHealthIndicator tokenCacheHealthIndicator(TokenCacheStatus status) {
		return new TokenCacheHealthIndicator(status);
	}

	@Bean
	MicrometerTokenMetrics tokenMetrics(MeterRegistry registry) {
		return new MicrometerTokenMetrics(registry);
	}

	/**
	 * The identity provider's circuit breakers as {@code resilience4j.circuitbreaker.*}
	 * metrics (state, calls, failure rate), tagged by registration.
	 */
	@Bean
	TaggedCircuitBreakerMetrics idpCircuitBreakerMetrics(IdpCircuitBreakers breakers, MeterRegistry registry) {
		TaggedCircuitBreakerMetrics metrics = TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry());
		metrics.bindTo(registry);
		return metrics;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisConfiguredCondition.class)
	@ConditionalOnProperty(name = "edge.token-cache.enabled", matchIfMissing = true)
	static class RedisTokens {

		@Bean
		RedisTokenCache redisTokenCache(ReactiveRedisConnectionFactory connectionFactory,
				TokenCacheProperties properties, SessionProperties sessions) {
			EncryptionProperties own = properties.getEncryption();
			AesGcmCipher cipher = (own.getActiveKey() != null) ? AesGcmCipher.from(own, "edge.token-cache.encryption")
					: AesGcmCipher.from(sessions.getEncryption(), "edge.session.encryption");
			return new RedisTokenCache(connectionFactory, cipher, properties.getRedisPrefix(),
					properties.getRedisTimeout());
		}

		@Bean
		TokenEvictionListener tokenEvictionListener(ReactiveRedisConnectionFactory connectionFactory,
				RedisTokenCache cache, TokenService tokens) {
			return new TokenEvictionListener(connectionFactory, cache, tokens);
		}

		@Bean
		RedisMintLock redisMintLock(ReactiveStringRedisTemplate redis, TokenCacheProperties properties) {
			return new RedisMintLock(redis, properties.getRedisPrefix(), properties.getRedisTimeout());
		}

	}

}
