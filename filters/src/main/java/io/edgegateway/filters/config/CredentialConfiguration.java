package io.edgegateway.filters.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.credential.delegation.DelegatedServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.credential.delegation.DelegatedServiceAccountStrategy;
import io.edgegateway.filters.credential.delegation.DelegationAssertionSigner;
import io.edgegateway.filters.credential.delegation.ServiceAccountKeys;
import io.edgegateway.filters.credential.exchange.TokenExchangeGatewayFilterFactory;
import io.edgegateway.filters.credential.exchange.TokenExchangeStrategy;
import io.edgegateway.filters.credential.obo.OnBehalfOfGatewayFilterFactory;
import io.edgegateway.filters.credential.obo.OnBehalfOfStrategy;
import io.edgegateway.filters.credential.provider.ClientKeys;
import io.edgegateway.filters.credential.provider.ClientRegistrations;
import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import io.edgegateway.filters.credential.provider.TokenRequests;
import io.edgegateway.filters.credential.relay.TokenRelayGatewayFilterFactory;
import io.edgegateway.filters.credential.relay.TokenRelayStrategy;
import io.edgegateway.filters.credential.resilience.IdpCircuitBreakers;
import io.edgegateway.filters.credential.resilience.IdpConcurrencyLimits;
import io.edgegateway.filters.credential.serviceaccount.ServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.credential.serviceaccount.ServiceAccountStrategy;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.tracing.ProviderWebClients;
import io.edgegateway.filters.user.UserTokens;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The credential modes: one strategy per mode on Spring Security's providers, the
 * credential service that bounds, guards and caches them, and one filter factory per
 * mode. Only with OAuth2 client registrations.
 * <p>
 * Its length is one bean method per strategy and per filter factory, each backing off for
 * the application's own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
class CredentialConfiguration {

	/**
	 * How long a domain-wide delegation assertion is valid.
	 */
	private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

	@Bean
	@ConditionalOnMissingBean
	ClientRegistrations clientRegistrations(OAuth2ClientProperties properties,
			ReactiveClientRegistrationRepository repository) {
		return new ClientRegistrations(ConfiguredRegistration.from(properties), repository);
	}

	/**
	 * The {@code private_key_jwt} keys, read when a route needs them; the offline route
	 * validator defines its own, read only when used.
	 */
	@Bean
	@ConditionalOnMissingBean
	ClientKeys clientKeys(CredentialsProperties properties) {
		return new ClientKeys(properties.getClientKeys());
	}

	/**
	 * The domain-wide delegation keys, read when a route needs them; the offline route
	 * validator defines its own, read only when used.
	 */
	@Bean
	@ConditionalOnMissingBean
	ServiceAccountKeys serviceAccountKeys(CredentialsProperties properties) {
		return new ServiceAccountKeys(properties.getServiceAccounts());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRequests tokenRequests(ClientKeys clientKeys, ProviderWebClients webClients) {
		return new TokenRequests(clientKeys, webClients);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRelayStrategy tokenRelayStrategy(UserTokens userTokens, ClientRegistrations registrations) {
		return new TokenRelayStrategy(userTokens, registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceAccountStrategy serviceAccountStrategy(ClientRegistrations registrations, TokenRequests tokenRequests) {
		return new ServiceAccountStrategy(registrations, tokenRequests);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenExchangeStrategy tokenExchangeStrategy(ClientRegistrations registrations, TokenRequests tokenRequests,
			UserTokens userTokens) {
		return new TokenExchangeStrategy(registrations, tokenRequests, userTokens);
	}

	@Bean
	@ConditionalOnMissingBean
	OnBehalfOfStrategy onBehalfOfStrategy(ClientRegistrations registrations, TokenRequests tokenRequests,
			UserTokens userTokens) {
		return new OnBehalfOfStrategy(registrations, tokenRequests, userTokens);
	}

	@Bean
	@ConditionalOnMissingBean
	DelegatedServiceAccountStrategy delegatedServiceAccountStrategy(ServiceAccountKeys keys,
			TokenRequests tokenRequests, Clock clock) {
		return new DelegatedServiceAccountStrategy(keys, new DelegationAssertionSigner(clock, ASSERTION_LIFETIME),
				tokenRequests);
	}

	@Bean
	@ConditionalOnMissingBean
	IdpCircuitBreakers idpCircuitBreakers(CredentialsProperties properties, Clock clock) {
		return new IdpCircuitBreakers(properties.getCircuitBreaker(), clock);
	}

	/**
	 * The breakers as {@code resilience4j.circuitbreaker.*} metrics (state, calls,
	 * failure rate), tagged by registration, when the application has a meter registry.
	 */
	@Bean
	SmartInitializingSingleton idpCircuitBreakerMetrics(IdpCircuitBreakers breakers,
			ObjectProvider<MeterRegistry> registry) {
		return () -> registry.ifAvailable(
				(meters) -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry()).bindTo(meters));
	}

	@Bean
	@ConditionalOnMissingBean
	IdpConcurrencyLimits idpConcurrencyLimits(CredentialsProperties properties) {
		return new IdpConcurrencyLimits(properties.getMaxConcurrentMints(), properties.getTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	CredentialService credentialService(List<CredentialStrategy> strategies, CredentialsProperties properties,
			ObjectProvider<TokenService> tokens, IdpCircuitBreakers breakers, IdpConcurrencyLimits limits) {
		return new CredentialService(strategies, properties.getTimeout(), tokens.getIfAvailable(), breakers, limits);
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
