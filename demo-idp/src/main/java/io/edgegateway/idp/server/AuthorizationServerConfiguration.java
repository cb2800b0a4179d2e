package io.edgegateway.idp.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import jakarta.servlet.Filter;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The authorization server's beans: issuer, registered clients, signing keys, token
 * claims, the request counters (every request, the token and the JWK Set endpoints), and
 * the endpoints beside Spring Authorization Server's own: the Google-style token endpoint
 * and the test clients' JWK Sets. These are functional endpoints, because an annotated
 * controller would need a stereotype.
 * <p>
 * Deliberately no {@code @Configuration} stereotype: this module sits on the gateway's
 * test classpath, and a component scan of the gateway must never pick up servlet beans.
 * {@code DemoIdentityProviderApplication} imports it; {@code DemoIdentityProvider}
 * registers the {@link TrustedKeys}.
 */
public final class AuthorizationServerConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings(DemoIdentityProviderProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(DemoIdentityProviderProperties properties,
			TrustedKeys trustedKeys) {
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(EdgeGatewayClient.registeredClient(properties,
				trustedKeys.clientKey(EdgeGatewayClient.CLIENT_ID).orElse(null)));
		clients.addAll(ServiceAccountClients.registeredClients(properties, trustedKeys));
		return new InMemoryRegisteredClientRepository(clients);
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new IndexedAuthorizationService();
	}

	@Bean
	SigningKeys jwkSource() {
		return new SigningKeys();
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

	/**
	 * The one token customizer Spring Authorization Server takes: profile claims for
	 * users, client claims for {@code client_credentials}, the audience of exchanged
	 * tokens.
	 * @return the customizer
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaimsCustomizer() {
		List<OAuth2TokenCustomizer<JwtEncodingContext>> customizers = List.of(new DemoUserClaimsCustomizer(),
				new ClientCredentialsClaimsCustomizer(), new TokenExchangeAudienceCustomizer());
		return (context) -> customizers.forEach((customizer) -> customizer.customize(context));
	}

	@Bean
	AccessTokenSigner accessTokenSigner(JwtEncoder jwtEncoder, DemoIdentityProviderProperties properties) {
		return new AccessTokenSigner(jwtEncoder, properties.issuer());
	}

	@Bean
	LogoutTokenSigner logoutTokenSigner(JwtEncoder jwtEncoder, DemoIdentityProviderProperties properties) {
		return new LogoutTokenSigner(jwtEncoder, properties.issuer(), Clock.systemUTC());
	}

	@Bean
	RouterFunction<ServerResponse> additionalEndpoints(DemoIdentityProviderProperties properties,
			TrustedKeys trustedKeys, AccessTokenSigner signer) {
		GoogleTokenEndpoint googleTokenEndpoint = new GoogleTokenEndpoint(
				new DelegationAssertionVerifier(trustedKeys.serviceAccountKeys(),
						properties.issuer() + GoogleTokenEndpoint.PATH, Clock.systemUTC()),
				signer, properties.accessTokenTimeToLive());
		ClientJwksEndpoint clientJwksEndpoint = new ClientJwksEndpoint(trustedKeys);
		return RouterFunctions.route()
			.POST(GoogleTokenEndpoint.PATH, googleTokenEndpoint::token)
			.GET(ClientJwksEndpoint.PATH_PREFIX + "{clientId}", clientJwksEndpoint::jwks)
			.build();
	}

	@Bean
	RequestCounter jwksRequestCounter() {
		return new RequestCounter();
	}

	@Bean
	FilterRegistrationBean<RequestCounter> jwksRequestCounterRegistration(
			@Qualifier("jwksRequestCounter") RequestCounter counter, AuthorizationServerSettings settings) {
		return firstOn(counter, settings.getJwkSetEndpoint());
	}

	@Bean
	RequestCounter authorizationRequestCounter() {
		return new RequestCounter();
	}

	@Bean
	FilterRegistrationBean<RequestCounter> authorizationRequestCounterRegistration(
			@Qualifier("authorizationRequestCounter") RequestCounter counter, AuthorizationServerSettings settings) {
		return firstOn(counter, settings.getAuthorizationEndpoint());
	}

	@Bean
	RequestCounter requestCounter() {
		return new RequestCounter();
	}

	@Bean
	FilterRegistrationBean<RequestCounter> requestCounterRegistration(
			@Qualifier("requestCounter") RequestCounter counter) {
		return firstOn(counter, "/*");
	}

	@Bean
	TokenRequestCounter tokenRequestCounter() {
		return new TokenRequestCounter();
	}

	@Bean
	FilterRegistrationBean<TokenRequestCounter> tokenRequestCounterRegistration(TokenRequestCounter counter,
			AuthorizationServerSettings settings) {
		return firstOn(counter, settings.getTokenEndpoint(), GoogleTokenEndpoint.PATH);
	}

	/**
	 * A counting filter, before any other (security included), on the given paths.
	 */
	private static <F extends Filter> FilterRegistrationBean<F> firstOn(F filter, String... paths) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(paths);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
