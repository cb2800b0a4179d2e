package io.edgegateway.filters.config;

import java.time.Clock;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.redis.RedisConfiguredCondition;
import io.edgegateway.filters.token.MicrometerTokenMetrics;
import io.edgegateway.filters.token.MintLock;
import io.edgegateway.filters.token.TokenCacheHealthIndicator;
import io.edgegateway.filters.token.TokenCacheProperties;
import io.edgegateway.filters.token.TokenCacheStatus;
import io.edgegateway.filters.token.TokenMetrics;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.TokenServiceFactory;
import io.edgegateway.filters.token.cache.RedisMintLock;
import io.edgegateway.filters.token.cache.RedisTokenCache;
import io.edgegateway.filters.token.cache.TokenEvictionListener;
import io.edgegateway.filters.tracing.Spans;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The token cache: every token service is built by one {@link TokenServiceFactory}, in
 * memory, and shared through Redis when Redis is configured, encrypted with
 * {@code edge.token-cache.encryption} (or, when that is not set, the session's keys).
 */
@Configuration(proxyBeanMethods = false)
class TokenCacheConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TokenCacheStatus tokenCacheStatus(Clock clock) {
		return new TokenCacheStatus(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenMetrics tokenMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		return (meters != null) ? new MicrometerTokenMetrics(meters) : TokenMetrics.NONE;
	}

	@Bean
	@ConditionalOnMissingBean
	TokenServiceFactory tokenServiceFactory(TokenCacheProperties properties, ObjectProvider<RedisTokenCache> shared,
			ObjectProvider<MintLock> lock, TokenCacheStatus status, TokenMetrics metrics, Clock clock, Spans spans) {
		TokenServiceFactory factory = new TokenServiceFactory(properties.getLocalMaximumSize(), shared.getIfAvailable(),
				lock.getIfAvailable(), status, metrics, clock);
		factory.setSpans(spans);
		return factory;
	}

	/**
	 * The cache of the tokens the credential modes mint.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "edge.token-cache.enabled", matchIfMissing = true)
	TokenService tokenService(TokenServiceFactory factory, TokenCacheProperties properties) {
		return factory.create(properties.getSkew(), properties.getRefreshAhead());
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisConfiguredCondition.class)
	@ConditionalOnProperty(name = "edge.token-cache.enabled", matchIfMissing = true)
	static class SharedTokenCacheConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisTokenCache redisTokenCache(ReactiveRedisConnectionFactory connectionFactory,
				TokenCacheProperties properties, Environment environment) {
			EncryptionProperties own = properties.getEncryption();
			AesGcmCipher cipher = (own.getActiveKey() != null) ? AesGcmCipher.from(own, "edge.token-cache.encryption")
					: AesGcmCipher.from(
							Binder.get(environment).bindOrCreate("edge.session.encryption", EncryptionProperties.class),
							"edge.session.encryption");
			return new RedisTokenCache(connectionFactory, cipher, properties.getRedisPrefix(),
					properties.getRedisTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		RedisMintLock redisMintLock(ReactiveStringRedisTemplate redis, TokenCacheProperties properties) {
			return new RedisMintLock(redis, properties.getRedisPrefix(), properties.getRedisTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		TokenEvictionListener tokenEvictionListener(ReactiveRedisConnectionFactory connectionFactory,
				RedisTokenCache cache, TokenService tokens) {
			return new TokenEvictionListener(connectionFactory, cache, tokens::evictLocalOwner);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class TokenCacheHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenCacheHealthIndicator tokenCacheHealthIndicator(TokenCacheStatus status) {
			return new TokenCacheHealthIndicator(status);
		}

	}

}
