package io.edgegateway.app.security;

import java.time.Clock;
import java.time.Duration;

import io.edgegateway.filters.credential.SharedRefreshTokenProvider;
import io.edgegateway.filters.token.MintLock;
import io.edgegateway.filters.token.SingleFlight;
import io.edgegateway.filters.token.TokenCacheProperties;
import io.edgegateway.filters.token.TokenCacheStatus;
import io.edgegateway.filters.token.TokenMetrics;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.cache.InMemoryTokenCache;
import io.edgegateway.filters.token.cache.RedisTokenCache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;

/**
 * The manager of the signed-in users' own tokens: kept in the session, refreshed once per
 * refresh token across replicas ({@link SharedRefreshTokenProvider}), so parallel
 * requests of one session never spend a rotated refresh token twice.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizedClientConfiguration {

	/**
	 * How long before its expiry a user's access token is refreshed (Spring Security's
	 * default).
	 */
	private static final Duration REFRESH_SKEW = Duration.ofSeconds(60);

	@Bean
	SharedRefreshTokenProvider sharedRefreshTokenProvider(TokenCacheProperties properties,
			ObjectProvider<RedisTokenCache> shared, ObjectProvider<MintLock> lock, TokenCacheStatus status,
			ObjectProvider<TokenMetrics> metrics) {
		TokenService results = new TokenService(new InMemoryTokenCache(properties.getLocalMaximumSize()),
				shared.getIfAvailable(), new SingleFlight(), status, Clock.systemUTC(), Duration.ZERO, Duration.ZERO,
				lock.getIfAvailable());
		results.setMetrics(metrics.getIfAvailable(() -> TokenMetrics.NONE));
		return new SharedRefreshTokenProvider(results, Clock.systemUTC(), REFRESH_SKEW);
	}

	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, SharedRefreshTokenProvider refresh) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(
				ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().provider(refresh).build());
		return manager;
	}

}
