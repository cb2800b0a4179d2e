package io.edgegateway.filters.config;

import java.time.Clock;

import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.logging.RequestMdcProperties;
import io.edgegateway.filters.token.TokenCacheProperties;
import io.edgegateway.filters.tracing.TracingProperties;
import io.edgegateway.filters.user.IdentityClaimsProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Wires the filters module: the edge and the request id, the signed-in user, the route
 * filters, the token cache, the credential modes and the identity assertion, each in a
 * configuration of its own. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = ReactiveOAuth2ClientAutoConfiguration.class)
@ConditionalOnProperty(name = "edge.filters.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ IdentityProperties.class, IdentityClaimsProperties.class, CredentialsProperties.class,
		TokenCacheProperties.class, AssertionProperties.class, TracingProperties.class, RequestMdcProperties.class })
@Import({ TracingConfiguration.class, RequestConfiguration.class, UserConfiguration.class,
		RouteFiltersConfiguration.class, TokenCacheConfiguration.class, CredentialConfiguration.class,
		AssertionConfiguration.class })
class FiltersAutoConfiguration {

	/**
	 * The one clock of the gateway: token expiry, cooldowns, audit times. Tests replace
	 * it to move time instead of waiting.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock edgeClock() {
		return Clock.systemUTC();
	}

}
