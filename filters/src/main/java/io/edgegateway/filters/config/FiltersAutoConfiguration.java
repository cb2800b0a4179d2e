package io.edgegateway.filters.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.edgegateway.filters.access.RequireClaimsGatewayFilterFactory;
import io.edgegateway.filters.audit.AuditEventWriter;
import io.edgegateway.filters.audit.AuditGlobalFilter;
import io.edgegateway.filters.audit.LoggingAuditEventWriter;
import io.edgegateway.filters.credential.ClientKeys;
import io.edgegateway.filters.credential.ClientRegistrations;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.credential.IdpCircuitBreakers;
import io.edgegateway.filters.credential.IdpConcurrencyLimits;
import io.edgegateway.filters.credential.TokenRequests;
import io.edgegateway.filters.credential.UserTokens;
import io.edgegateway.filters.credential.delegation.DelegatedServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.credential.delegation.DelegatedServiceAccountStrategy;
import io.edgegateway.filters.credential.delegation.DelegationAssertionSigner;
import io.edgegateway.filters.credential.delegation.ServiceAccountKeys;
import io.edgegateway.filters.credential.exchange.TokenExchangeGatewayFilterFactory;
import io.edgegateway.filters.credential.exchange.TokenExchangeStrategy;
import io.edgegateway.filters.credential.obo.OnBehalfOfGatewayFilterFactory;
import io.edgegateway.filters.credential.obo.OnBehalfOfStrategy;
import io.edgegateway.filters.credential.relay.TokenRelayGatewayFilterFactory;
import io.edgegateway.filters.credential.relay.TokenRelayStrategy;
import io.edgegateway.filters.credential.serviceaccount.ClientCredentialsStrategy;
import io.edgegateway.filters.credential.serviceaccount.ServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.edge.ClientAddressHeadersFilter;
import io.edgegateway.filters.edge.ConnectionOptionsWebFilter;
import io.edgegateway.filters.identity.IdentityClaimsResolver;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityHeadersGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.identity.RequestIdWebFilter;
import io.edgegateway.filters.token.MintLock;
import io.edgegateway.filters.token.SingleFlight;
import io.edgegateway.filters.token.TokenCacheProperties;
import io.edgegateway.filters.token.TokenCacheStatus;
import io.edgegateway.filters.token.TokenMetrics;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.cache.InMemoryTokenCache;
import io.edgegateway.filters.token.cache.RedisTokenCache;

import org.springframework.beans.factory.ObjectProvider;
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
@EnableConfigurationProperties({ IdentityProperties.class, CredentialsProperties.class, TokenCacheProperties.class })
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

	@Bean
	@ConditionalOnMissingBean
	ConnectionOptionsWebFilter connectionOptionsWebFilter() {
		return new ConnectionOptionsWebFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAddressHeadersFilter clientAddressHeadersFilter() {
		return new ClientAddressHeadersFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	RequireClaimsGatewayFilterFactory requireClaimsGatewayFilterFactory(IdentityClaimsResolver claimsResolver) {
		return new RequireClaimsGatewayFilterFactory(claimsResolver);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "edge.audit.enabled", matchIfMissing = true)
	AuditEventWriter auditEventWriter() {
		return new LoggingAuditEventWriter();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AuditEventWriter.class)
	AuditGlobalFilter auditGlobalFilter(AuditEventWriter writer, IdentityClaimsResolver claimsResolver) {
		return new AuditGlobalFilter(writer, claimsResolver, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenCacheStatus tokenCacheStatus() {
		return new TokenCacheStatus();
	}

	/**
	 * The token cache: in memory, and in Redis when the application provides a shared
	 * cache (a {@link RedisTokenCache} bean).
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "edge.token-cache.enabled", matchIfMissing = true)
	TokenService tokenService(TokenCacheProperties properties, ObjectProvider<RedisTokenCache> shared,
			ObjectProvider<MintLock> lock, TokenCacheStatus status, ObjectProvider<TokenMetrics> metrics) {
		TokenService service = new TokenService(new InMemoryTokenCache(properties.getLocalMaximumSize()),
				shared.getIfAvailable(), new SingleFlight(), status, Clock.systemUTC(), properties.getSkew(),
				properties.getRefreshAhead(), lock.getIfAvailable());
		service.setMetrics(metrics.getIfAvailable(() -> TokenMetrics.NONE));
		return service;
	}

	/**
	 * The credential modes. Spring Security registers the authorized client manager late
	 * (a registry post-processor), so the condition is on the client registrations it is
	 * built from.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
	static class CredentialConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClientRegistrations clientRegistrations(ReactiveClientRegistrationRepository repository) {
			return new ClientRegistrations(repository);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenRequests tokenRequests(CredentialsProperties properties) {
			return new TokenRequests(new ClientKeys(properties.getClientKeys()));
		}

		@Bean
		@ConditionalOnMissingBean
		UserTokens userTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
			return new UserTokens(authorizedClients);
		}

		@Bean
		TokenRelayStrategy tokenRelayStrategy(UserTokens userTokens, ClientRegistrations registrations) {
			return new TokenRelayStrategy(userTokens, registrations);
		}

		@Bean
		ClientCredentialsStrategy clientCredentialsStrategy(ClientRegistrations registrations,
				TokenRequests tokenRequests) {
			return new ClientCredentialsStrategy(registrations, tokenRequests);
		}

		@Bean
		TokenExchangeStrategy tokenExchangeStrategy(ClientRegistrations registrations, TokenRequests tokenRequests,
				UserTokens userTokens, ClientCredentialsStrategy actors) {
			return new TokenExchangeStrategy(registrations, tokenRequests, userTokens, actors);
		}

		@Bean
		OnBehalfOfStrategy onBehalfOfStrategy(ClientRegistrations registrations, TokenRequests tokenRequests,
				UserTokens userTokens) {
			return new OnBehalfOfStrategy(registrations, tokenRequests, userTokens);
		}

		@Bean
		DelegatedServiceAccountStrategy delegatedServiceAccountStrategy(CredentialsProperties properties,
				TokenRequests tokenRequests, IdentityClaimsResolver claimsResolver) {
			return new DelegatedServiceAccountStrategy(new ServiceAccountKeys(properties.getServiceAccounts()),
					new DelegationAssertionSigner(Clock.systemUTC(), Duration.ofMinutes(5)), tokenRequests,
					claimsResolver);
		}

		@Bean
		@ConditionalOnMissingBean
		IdpCircuitBreakers idpCircuitBreakers(CredentialsProperties properties) {
			return new IdpCircuitBreakers(properties.getCircuitBreaker());
		}

		@Bean
		@ConditionalOnMissingBean
		IdpConcurrencyLimits idpConcurrencyLimits(CredentialsProperties properties) {
			return new IdpConcurrencyLimits(properties.getMaxConcurrentMints(), properties.getTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		CredentialService credentialService(List<CredentialStrategy> strategies, CredentialsProperties properties,
				ObjectProvider<TokenService> tokens, IdentityClaimsResolver claimsResolver, IdpCircuitBreakers breakers,
				IdpConcurrencyLimits limits) {
			return new CredentialService(strategies, properties.getTimeout(), tokens.getIfAvailable(), claimsResolver,
					breakers, limits);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenRelayGatewayFilterFactory edgeTokenRelayGatewayFilterFactory(CredentialService credentials) {
			return new TokenRelayGatewayFilterFactory(credentials);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenExchangeGatewayFilterFactory tokenExchangeGatewayFilterFactory(CredentialService credentials) {
			return new TokenExchangeGatewayFilterFactory(credentials);
		}

		@Bean
		@ConditionalOnMissingBean
		OnBehalfOfGatewayFilterFactory onBehalfOfGatewayFilterFactory(CredentialService credentials) {
			return new OnBehalfOfGatewayFilterFactory(credentials);
		}

		@Bean
		@ConditionalOnMissingBean
		DelegatedServiceAccountGatewayFilterFactory delegatedServiceAccountGatewayFilterFactory(
				CredentialService credentials) {
			return new DelegatedServiceAccountGatewayFilterFactory(credentials);
		}

		@Bean
		@ConditionalOnMissingBean
		ServiceAccountGatewayFilterFactory serviceAccountGatewayFilterFactory(CredentialService credentials) {
			return new ServiceAccountGatewayFilterFactory(credentials);
		}

	}

}
