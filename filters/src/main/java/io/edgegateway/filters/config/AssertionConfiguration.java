package io.edgegateway.filters.config;

import java.net.URI;
import java.time.Clock;

import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.assertion.AssertionSigner;
import io.edgegateway.filters.assertion.IdentityAssertionGatewayFilterFactory;
import io.edgegateway.filters.assertion.IdentityAssertions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The signed identity assertion: its signer and cache, built when keys are configured,
 * and the {@code IdentityAssertion} route filter, always there so that a route that uses
 * it without keys is refused with a message naming the property.
 * <p>
 * The signer is lazy and created by the filter factory, so a configuration problem stops
 * the gateway at startup, while the offline route validator, which brings its own factory
 * and signs nothing, never reads the keys (secrets it does not have).
 */
@Configuration(proxyBeanMethods = false)
class AssertionConfiguration {

	/**
	 * The issuer when none is configured: the gateway's public URL, a gateway-app
	 * setting.
	 */
	private static final String PUBLIC_BASE_URL = "edge.security.public-base-url";

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@Conditional(AssertionKeysConfiguredCondition.class)
	AssertionSigner assertionSigner(AssertionProperties properties, Environment environment, Clock clock) {
		return AssertionSigner.from(properties, environment.getProperty(PUBLIC_BASE_URL, URI.class), clock);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@Conditional(AssertionKeysConfiguredCondition.class)
	IdentityAssertions identityAssertions(AssertionSigner signer, AssertionProperties properties, Clock clock) {
		return new IdentityAssertions(signer, properties.getCacheSize(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityAssertionGatewayFilterFactory identityAssertionGatewayFilterFactory(AssertionProperties properties,
			ObjectProvider<IdentityAssertions> assertions) {
		return new IdentityAssertionGatewayFilterFactory(properties, assertions.getIfAvailable());
	}

}
