package io.edgegateway.idp.server;

import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.edgegateway.idp.DemoUsers;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The security filter chains: one for the authorization server's endpoints (OIDC on,
 * loopback redirect rule, profile claims in user info, the On-Behalf-Of grant), one that
 * opens the Google-style token endpoint and the test clients' JWK Sets to anyone (no
 * client authentication, no CSRF), one for form login with Spring Security's default
 * login page; and the demo users.
 * <p>
 * Deliberately no {@code @Configuration} stereotype, for the reason given on
 * {@link AuthorizationServerConfiguration}.
 */
public final class SecurityConfiguration {

	private static final String LOGIN_PAGE = "/login";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, JWKSource<SecurityContext> jwkSource,
			DemoIdentityProviderProperties properties, AccessTokenSigner signer) {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer.tokenEndpoint((endpoint) -> endpoint
				.accessTokenRequestConverter(new OnBehalfOfAuthenticationConverter())
				.errorResponseHandler(new ClaimsChallengeErrorWriter())
				.authenticationProvider(new OnBehalfOfAuthenticationProvider(jwkSource, properties.issuer(), signer)));
			authorizationServer
				.authorizationEndpoint((endpoint) -> endpoint.authenticationProviders((providers) -> providers.stream()
					.filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
					.map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
					.forEach((provider) -> provider.setAuthenticationValidator(new LoopbackRedirectUriValidator()))));
			authorizationServer
				.oidc((oidc) -> oidc.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(new DemoUserInfoMapper()))
					.logoutEndpoint((logout) -> logout.authenticationProviders((providers) -> providers.stream()
						.filter(OidcLogoutAuthenticationProvider.class::isInstance)
						.map(OidcLogoutAuthenticationProvider.class::cast)
						.forEach((provider) -> provider
							.setAuthenticationValidator(new LoopbackPostLogoutRedirectUriValidator())))));
		});
		http.addFilterAfter(new StepUpSignInFilter(), SecurityContextHolderFilter.class);
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), htmlRequests()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain additionalEndpointsSecurityFilterChain(HttpSecurity http) {
		http.securityMatcher(GoogleTokenEndpoint.PATH, ClientJwksEndpoint.PATH_PREFIX + "**");
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll());
		http.csrf((csrf) -> csrf.disable());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain loginSecurityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		http.formLogin((login) -> login.authenticationDetailsSource(new DemoSignInDetailsSource()));
		return http.build();
	}

	/**
	 * Secrets stay as stored ({@code {noop}} in the demo). Without this bean the
	 * authorization server re-encodes a client secret with BCrypt after its first use,
	 * and every later token request then spends about 60 ms of CPU checking it: the demo
	 * provider would mint some 30 tokens a second on two cores, too few for a load test
	 * and unlike a production provider.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return encoder.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return encoder.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return false;
			}

		};
	}

	@Bean
	UserDetailsService userDetailsService() {
		return (username) -> DemoUsers.find(username)
			.map((profile) -> User.withUsername(profile.username())
				.password("{noop}" + profile.password())
				.roles("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	private static MediaTypeRequestMatcher htmlRequests() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return matcher;
	}

}
