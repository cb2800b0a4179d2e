package io.edgegateway.filters.config;

import io.edgegateway.filters.credential.relay.TokenRelayGatewayFilterFactory;
import io.edgegateway.filters.credential.relay.TokenRelayStrategy;
import io.edgegateway.filters.identity.IdentityClaimsResolver;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityHeadersGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.identity.RequestIdWebFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Wires the gateway filters of this module.
 */
@AutoConfiguration(after = ReactiveOAuth2ClientAutoConfiguration.class)
@ConditionalOnProperty(name = "edge.filters.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdentityProperties.class)
class FiltersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdentityHeaderInjector identityHeaderInjector(IdentityProperties properties) {
		return IdentityHeaderInjector.from(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityClaimsResolver identityClaimsResolver(IdentityProperties properties) {
		return new IdentityClaimsResolver(properties.getClaims());
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityHeadersGatewayFilterFactory identityHeadersGatewayFilterFactory(IdentityHeaderInjector injector,
			IdentityClaimsResolver claimsResolver) {
		return new IdentityHeadersGatewayFilterFactory(injector, claimsResolver);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdWebFilter requestIdWebFilter(IdentityHeaderInjector injector) {
		return new RequestIdWebFilter(injector.requestIdHeader());
	}

	/**
	 * Spring Security registers the authorized client manager late (a registry
	 * post-processor), so the condition is on the client registrations it is built from.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
	static class TokenRelayConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenRelayStrategy tokenRelayStrategy(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
			return new TokenRelayStrategy(authorizedClients);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenRelayGatewayFilterFactory edgeTokenRelayGatewayFilterFactory(TokenRelayStrategy strategy) {
			return new TokenRelayGatewayFilterFactory(strategy);
		}

	}

}
