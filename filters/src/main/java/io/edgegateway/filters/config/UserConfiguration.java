package io.edgegateway.filters.config;

import java.time.Clock;
import java.time.Duration;

import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.token.TokenServiceFactory;
import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SharedRefreshTokenProvider;
import io.edgegateway.filters.user.SignedInUserResolver;
import io.edgegateway.filters.user.SignedInUserWebFilter;
import io.edgegateway.filters.user.UserTokens;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;

/**
 * The signed-in user: resolved once per request, and the user's own tokens.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SignedInUserResolver signedInUserResolver(IdentityClaimsProperties properties) {
		return SignedInUserResolver.from(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	SignedInUserWebFilter signedInUserWebFilter(SignedInUserResolver resolver) {
		return new SignedInUserWebFilter(resolver);
	}

	/**
	 * The user's own tokens, kept where the application keeps authorized clients (the
	 * session) and refreshed once per refresh token across replicas. Spring Security
	 * registers its own authorized client manager late (a registry post-processor), so
	 * the condition is on the client registrations it is built from.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
	static class UserTokensConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SharedRefreshTokenProvider sharedRefreshTokenProvider(TokenServiceFactory tokenServices, Clock clock,
				CredentialsProperties properties) {
			return new SharedRefreshTokenProvider(tokenServices.create(Duration.ZERO, Duration.ZERO), clock,
					properties.getRefreshSkew());
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
				ReactiveClientRegistrationRepository registrations,
				ServerOAuth2AuthorizedClientRepository authorizedClients, SharedRefreshTokenProvider refresh) {
			DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
					registrations, authorizedClients);
			manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
				.authorizationCode()
				.provider(refresh)
				.build());
			return manager;
		}

		@Bean
		@ConditionalOnMissingBean
		UserTokens userTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
			return new UserTokens(authorizedClients);
		}

	}

}
