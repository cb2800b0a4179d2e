package io.edgegateway.app.provider;

import java.time.Duration;
import java.util.Map;

import reactor.util.retry.Retry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Client registrations that do not need the provider to start, and the readiness that
 * says when they have what they need.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class ProviderMetadataConfiguration {

	/**
	 * The first pause after a failed read of a provider's metadata; it doubles up to
	 * {@link #MAX_PAUSE}.
	 */
	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

	/**
	 * How long a request waits for metadata being read: while the gateway starts, the
	 * first read is usually under way.
	 */
	private static final Duration WAIT = Duration.ofSeconds(3);

	@Bean
	@ConditionalOnOAuth2ClientRegistrationProperties
	DiscoveringClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties) {
		return new DiscoveringClientRegistrationRepository(properties,
				Retry.backoff(Long.MAX_VALUE, FIRST_PAUSE).maxBackoff(MAX_PAUSE), WAIT);
	}

	@Bean
	IdentityProviderHealthIndicator identityProviderHealthIndicator(
			ObjectProvider<DiscoveringClientRegistrationRepository> registrations) {
		return new IdentityProviderHealthIndicator(registrations.stream()
			.findFirst()
			.map(DiscoveringClientRegistrationRepository::discoveries)
			.orElse(Map.of()));
	}

}
