package io.edgegateway.app.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;

/**
 * What both public chains share: the user from the session or a bearer token, where a
 * browser is sent to sign in, and CSRF protection with the token in a cookie.
 */
final class UserAuthentication {

	private final ServerSecurityContextRepository contexts = new WebSessionServerSecurityContextRepository();

	private final SameOriginRequestCache requestCache;

	private final EdgeAuthenticationEntryPoint entryPoint;

	private final @Nullable ReactiveJwtDecoder jwtDecoder;

	private final JwtAuthenticationConverter jwtAuthentication;

	private final KnownBearerTokens knownBearerTokens;

	/**
	 * Create the configuration.
	 * @param requestCache where a browser was going before it was sent to sign in
	 * @param entryPoint where a request without a user is sent
	 * @param jwtDecoder the bearer token verifier, if bearer tokens are accepted
	 * @param jwtAuthentication turns a verified token into the request's authentication
	 * @param knownBearerTokens the tokens the decoder verified before
	 */
	UserAuthentication(SameOriginRequestCache requestCache, EdgeAuthenticationEntryPoint entryPoint,
			@Nullable ReactiveJwtDecoder jwtDecoder, JwtAuthenticationConverter jwtAuthentication,
			KnownBearerTokens knownBearerTokens) {
		this.requestCache = requestCache;
		this.entryPoint = entryPoint;
		this.jwtDecoder = jwtDecoder;
		this.jwtAuthentication = jwtAuthentication;
		this.knownBearerTokens = knownBearerTokens;
	}

	/**
	 * Configure a chain.
	 * @param http the chain's builder
	 * @return the builder
	 */
	ServerHttpSecurity configure(ServerHttpSecurity http) {
		if (this.jwtDecoder != null) {
			http.oauth2ResourceServer(
					(resourceServer) -> resourceServer.bearerTokenConverter(new BearerTokenConverter())
						.jwt((jwt) -> jwt.jwtDecoder(this.jwtDecoder)
							.jwtAuthenticationConverter(
									new ReactiveJwtAuthenticationConverterAdapter(this.jwtAuthentication))));
		}
		http.securityContextRepository(this.contexts);
		http.requestCache((cache) -> cache.requestCache(this.requestCache));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.entryPoint));
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokens(CsrfProtection.COOKIE))
			.csrfTokenRequestHandler(new ProxyCsrfTokenRequestHandler())
			.requireCsrfProtectionMatcher(CsrfProtection.MATCHER));
		http.addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF);
		return http;
	}

	/**
	 * Where a session's security context is kept.
	 * @return the repository
	 */
	ServerSecurityContextRepository contexts() {
		return this.contexts;
	}

	/**
	 * The bearer tokens the chain verified before.
	 * @return the known tokens
	 */
	KnownBearerTokens knownBearerTokens() {
		return this.knownBearerTokens;
	}

}
