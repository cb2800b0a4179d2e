package io.edgegateway.app.session;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.logging.EventLog;
import io.edgegateway.filters.redis.RedisConfiguredCondition;
import io.edgegateway.filters.redis.RedisNotConfiguredCondition;
import io.lettuce.core.AbstractRedisClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * Where browser sessions live: in Redis when Redis is configured, so any replica serves
 * any session and sessions survive restarts; in memory otherwise, so the gateway runs
 * anywhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

	@Bean
	SessionCookieResolver sessionCookieResolver(ServerProperties server, SessionProperties properties) {
		return new SessionCookieResolver(server.getReactive().getSession().getCookie(),
				properties.getCookie().isHostPrefix());
	}

	@Bean
	SessionChanges sessionChanges(ObjectProvider<SessionChangeListener> listeners) {
		return new SessionChanges(listeners);
	}

	@Bean
	SessionAuditLog sessionAuditLog(Clock clock, Environment environment) {
		return new SessionAuditLog(clock, EventLog.isStructured(environment));
	}

	@Bean
	SessionRevocation sessionRevocation(UserSessions sessions, ObjectProvider<CredentialService> credentials,
			SessionAuditLog audit) {
		CredentialService service = credentials.getIfAvailable();
		SessionRevocation.MintedTokens tokens = (service == null) ? SessionRevocation.MintedTokens.NONE
				: new SessionRevocation.MintedTokens() {

					@Override
					public Mono<Void> forgetSession(String tokenOwner) {
						return service.forgetSession(tokenOwner);
					}

					@Override
					public Mono<Void> forgetUser(String userId) {
						return service.forgetUser(userId);
					}

				};
		return new SessionRevocation(sessions, tokens, audit);
	}

	/**
	 * A browser session's user carries the session's token owner, so the tokens minted
	 * for the user are the session's.
	 */
	@Bean
	SessionTokenOwnerWebFilter sessionTokenOwnerWebFilter() {
		return new SessionTokenOwnerWebFilter();
	}

	@Bean
	SessionsEndpoint sessionsEndpoint(UserSessions sessions, SessionRevocation revocation,
			OAuth2ClientProperties clients) {
		return new SessionsEndpoint(sessions, revocation, signInIssuers(clients));
	}

	/**
	 * The issuers of the providers users sign in with (the registrations with the
	 * authorization code grant).
	 */
	private static Set<String> signInIssuers(OAuth2ClientProperties clients) {
		Set<String> issuers = new TreeSet<>();
		clients.getRegistration().forEach((id, registration) -> {
			if (AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(registration.getAuthorizationGrantType())) {
				String providerId = (registration.getProvider() != null) ? registration.getProvider() : id;
				OAuth2ClientProperties.Provider provider = clients.getProvider().get(providerId);
				if (provider != null && provider.getIssuerUri() != null) {
					issuers.add(provider.getIssuerUri());
				}
			}
		});
		return issuers;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisConfiguredCondition.class)
	static class RedisSessions {

		@Bean
		LocalSessionCache localSessionCache(SessionProperties properties) {
			return new LocalSessionCache(properties.getLocalCache().getMaximumSize(), properties.getTouchInterval());
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "edge.session.local-cache.enabled", matchIfMissing = true)
		SessionInvalidations sessionInvalidations(ReactiveRedisConnectionFactory connectionFactory,
				LocalSessionCache cache, SessionChanges changes, SessionProperties properties) {
			return new SessionInvalidations(() -> nativeClient(connectionFactory), cache, changes,
					properties.getRedisNamespace(), properties.getLocalCache().getHeartbeat());
		}

		private static @Nullable AbstractRedisClient nativeClient(ReactiveRedisConnectionFactory connectionFactory) {
			return (connectionFactory instanceof LettuceConnectionFactory lettuce) ? lettuce.getNativeClient() : null;
		}

		@Bean
		TrackedRedisSessionRepository sessionRepository(ReactiveRedisConnectionFactory connectionFactory,
				LocalSessionCache cache, SessionProperties properties, Clock clock) {
			AesGcmCipher cipher = AesGcmCipher.from(properties.getEncryption(), "edge.session.encryption");
			SessionValueCodec values = new SessionValueCodec(cipher, properties.getDecodedCacheSize());
			RedisSerializationContext<String, byte[]> context = RedisSerializationContext
				.<String, byte[]>newSerializationContext(RedisSerializer.byteArray())
				.key(RedisSerializer.string())
				.hashKey(RedisSerializer.string())
				.build();
			return new TrackedRedisSessionRepository(new ReactiveRedisTemplate<>(connectionFactory, context),
					new ReactiveRedisTemplate<>(connectionFactory, RedisSerializationContext.byteBuffer()), values,
					cache, properties.getRedisNamespace(), properties.getTimeout(), properties.getTouchInterval(),
					clock);
		}

		@Bean
		SessionSaveWebFilter sessionSaveWebFilter() {
			return new SessionSaveWebFilter();
		}

		@Bean
		RedisSessionStoreHealthIndicator sessionStoreHealthIndicator(ReactiveRedisConnectionFactory connectionFactory) {
			return new RedisSessionStoreHealthIndicator(connectionFactory);
		}

		@Bean
		RedisUsedLogoutTokens usedLogoutTokens(ReactiveRedisConnectionFactory connectionFactory,
				SessionProperties properties) {
			return new RedisUsedLogoutTokens(
					new ReactiveRedisTemplate<>(connectionFactory, RedisSerializationContext.string()),
					properties.getRedisNamespace());
		}

		@Bean
		RedisUserSessions userSessions(ReactiveRedisConnectionFactory connectionFactory,
				TrackedRedisSessionRepository sessions, SessionProperties properties, Clock clock) {
			return new RedisUserSessions(
					new ReactiveRedisTemplate<>(connectionFactory, RedisSerializationContext.string()), sessions,
					properties.getRedisNamespace(), clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisNotConfiguredCondition.class)
	static class InMemorySessions {

		private final Map<String, Session> sessions = new ConcurrentHashMap<>();

		@Bean
		ReactiveMapSessionRepository sessionRepository(SessionProperties properties, SessionChanges changes) {
			ReactiveMapSessionRepository repository = new NotifyingMapSessionRepository(this.sessions, changes);
			repository.setDefaultMaxInactiveInterval(properties.getTimeout());
			return repository;
		}

		@Bean
		InMemoryUserSessions userSessions(ReactiveMapSessionRepository repository) {
			return new InMemoryUserSessions(this.sessions, repository);
		}

		/**
		 * Sessions in this process's memory are always at hand.
		 */
		@Bean
		HealthIndicator sessionStoreHealthIndicator() {
			return () -> Health.up().withDetail("store", "memory").build();
		}

		@Bean
		InMemoryUsedLogoutTokens usedLogoutTokens(Clock clock) {
			return new InMemoryUsedLogoutTokens(clock);
		}

	}

}
