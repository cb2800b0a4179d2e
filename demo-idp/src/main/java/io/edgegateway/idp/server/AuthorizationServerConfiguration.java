package io.edgegateway.idp.server;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The authorization server's beans: issuer, registered client, signing key, token claims
 * and the token request counter.
 * <p>
 * Deliberately no {@code @Configuration} stereotype: this module sits on the gateway's
 * test classpath, and a component scan of the gateway must never pick up servlet beans.
 * {@code DemoIdentityProviderApplication} imports it.
 */
public final class AuthorizationServerConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings(DemoIdentityProviderProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(DemoIdentityProviderProperties properties) {
		return new InMemoryRegisteredClientRepository(EdgeGatewayClient.registeredClient(properties));
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() {
		return new ImmutableJWKSet<>(new JWKSet(RsaKeys.generate()));
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaimsCustomizer() {
		return new DemoUserClaimsCustomizer();
	}

	@Bean
	AccessTokenSigner accessTokenSigner(JwtEncoder jwtEncoder, DemoIdentityProviderProperties properties) {
		return new AccessTokenSigner(jwtEncoder, properties.issuer());
	}

	@Bean
	TokenRequestCounter tokenRequestCounter() {
		return new TokenRequestCounter();
	}

	@Bean
	FilterRegistrationBean<TokenRequestCounter> tokenRequestCounterRegistration(TokenRequestCounter counter,
			AuthorizationServerSettings settings) {
		FilterRegistrationBean<TokenRequestCounter> registration = new FilterRegistrationBean<>(counter);
		registration.addUrlPatterns(settings.getTokenEndpoint());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
