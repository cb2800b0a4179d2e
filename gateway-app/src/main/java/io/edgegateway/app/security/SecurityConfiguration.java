package io.edgegateway.app.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgegateway.app.routing.RouteMatcher;
import io.edgegateway.app.session.SessionCookieResolver;
import io.edgegateway.app.session.SessionRevocation;
import io.edgegateway.app.web.AssertionJwksController;
import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.app.web.UncheckpointedWebFilterChain;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.edge.GatewayCookiesHeadersFilter;
import io.edgegateway.filters.user.SignedInUserResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy.WebFilterChainDecorator;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * The gateway's edge security: OIDC login with PKCE for browsers, JWT bearer tokens for
 * API clients, CSRF for session-authenticated state changes, RP-initiated logout, public
 * routes and CORS preflights without a user, and a management port left to the network.
 * Back-channel logout has a chain of its own, before these but after the management
 * port's ({@code io.edgegateway.app.logout}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	/**
	 * The authorized clients (the user's access and refresh tokens) live in the web
	 * session, so they follow the session into Redis, encrypted, and every replica sees
	 * them. Spring Boot's default keeps them in one replica's memory.
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	/**
	 * Authentication and authorization stay observed; the per-filter observation of the
	 * security filter chain does not: it wraps each of its filters on every request, and
	 * costs more than the filters it times.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	/**
	 * The security filter chains run without a Reactor checkpoint per filter
	 * ({@link UncheckpointedWebFilterChain}). This takes the place of Spring Security's
	 * observing decorator, which the settings above turn off anyway.
	 */
	@Bean
	@Primary
	static ObjectPostProcessor<WebFilterChainDecorator> uncheckpointedFilterChains() {
		return new ObjectPostProcessor<>() {

			@Override
			@SuppressWarnings("unchecked")
			public <O extends WebFilterChainDecorator> O postProcess(O decorator) {
				WebFilterChainDecorator uncheckpointed = (original, filters) -> UncheckpointedWebFilterChain.of(filters,
						original);
				return (O) uncheckpointed;
			}

		};
	}

	/**
	 * Spring Security's strict firewall, its header rules checked in one pass over the
	 * characters ({@link FirewallCharacters}) instead of a regular expression per header.
	 */
	@Bean
	ServerWebExchangeFirewall serverWebExchangeFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters::isAllowedHeaderName);
		firewall.setAllowedHeaderValues(FirewallCharacters::isAllowedHeaderValue);
		return firewall;
	}

	@Bean
	SameOriginRequestCache sameOriginRequestCache() {
		return new SameOriginRequestCache();
	}

	@Bean
	UserAuthentication userAuthentication(SameOriginRequestCache requestCache, EdgeAuthenticationEntryPoint entryPoint,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder, ObjectProvider<JwtAuthenticationConverter> jwtAuthentication,
			ObjectProvider<KnownBearerTokens> knownBearerTokens) {
		return new UserAuthentication(requestCache, entryPoint, jwtDecoder.getIfAvailable(),
				jwtAuthentication.getIfAvailable(JwtAuthenticationConverter::new),
				knownBearerTokens.getIfAvailable(() -> KnownBearerTokens.NONE));
	}

	@Bean
	SignInRegistrations signInRegistrations(EdgeSecurityProperties properties, OAuth2ClientProperties clients) {
		return SignInRegistrations.from(properties, clients);
	}

	@Bean
	EdgeAuthenticationEntryPoint edgeAuthenticationEntryPoint(SignInRegistrations signIns,
			SameOriginRequestCache requestCache, ProblemResponses problems) {
		return new EdgeAuthenticationEntryPoint(signIns, requestCache, problems);
	}

	/**
	 * The gateway's own cookies never reach an upstream.
	 */
	@Bean
	GatewayCookiesHeadersFilter gatewayCookiesHeadersFilter(SessionCookieResolver sessionCookie) {
		Set<String> names = new LinkedHashSet<>(sessionCookie.names());
		names.add(CsrfProtection.COOKIE);
		return new GatewayCookiesHeadersFilter(names);
	}

	/**
	 * Without a public base URL, the request's own address (its {@code Host}) is only
	 * believed when it is one of the allowed hosts.
	 */
	@Bean
	@ConditionalOnExpression("'${edge.security.public-base-url:}' == ''")
	AllowedHostsWebFilter allowedHostsWebFilter(EdgeSecurityProperties properties, Environment environment,
			ProblemResponses problems) {
		return new AllowedHostsWebFilter(properties.getAllowedHosts(), new ManagementPortMatcher(environment),
				problems);
	}

	@Bean
	@ConditionalOnExpression("${edge.security.max-concurrent-requests:1024} > 0")
	ConcurrencyLimitWebFilter concurrencyLimitWebFilter(EdgeSecurityProperties properties, Environment environment,
			ProblemResponses problems) {
		return new ConcurrencyLimitWebFilter(properties.getMaxConcurrentRequests(),
				new ManagementPortMatcher(environment), problems);
	}

	@Bean(name = "forwardedHeaderTransformer")
	ForwardedHeaderTransformer forwardedHeaderTransformer(EdgeSecurityProperties properties) {
		return new TrustedForwardedHeaderTransformer(properties.getPublicBaseUrl(), properties.getTrustedProxies());
	}

	/**
	 * The management port is for operators and probes, reachable only inside the cluster
	 * network; the public port serves nothing of the actuator but the health probes.
	 */
	@Bean
	@Order(0)
	SecurityWebFilterChain managementSecurityFilterChain(ServerHttpSecurity http, Environment environment) {
		return http.securityMatcher(new ManagementPortMatcher(environment))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.build();
	}

	/**
	 * Proxied requests that need no user ({@link PublicRequests}): a CORS preflight, and
	 * a request for a public route. Neither the session nor a bearer token is read, so
	 * the upstream learns of no user, and no CSRF token is asked for (a webhook's callers
	 * have none); the security headers are written. Every other request on the public
	 * port goes to the chains below, which deny by default.
	 */
	@Bean
	@Order(2)
	SecurityWebFilterChain publicRequestsSecurityFilterChain(ServerHttpSecurity http, RouteMatcher routes) {
		return http.securityMatcher(new PublicRequests(routes))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	/**
	 * Proxied traffic: every other request on the public port that is not for one of the
	 * gateway's own endpoints. It needs the user (from the session, or a bearer token),
	 * CSRF protection and the security headers, and none of the filters that serve the
	 * gateway's own endpoints (sign-in and its callback, logout, the login pages), which
	 * every request would otherwise pass through. A request whose user is already known
	 * takes a short way through it ({@link KnownUserWebFilter}).
	 */
	@Bean
	@Order(3)
	SecurityWebFilterChain proxiedTrafficSecurityFilterChain(ServerHttpSecurity http, UserAuthentication users,
			SessionCookieResolver sessionIds, SignedInUserResolver signedInUsers) {
		http.securityMatcher(GatewayEndpoints.NOT_MATCHER);
		http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
		http.logout(ServerHttpSecurity.LogoutSpec::disable);
		List<WebFilter> fullChain = users.configure(http).build().getWebFilters().collectList().block();
		KnownUserWebFilter knownUsers = new KnownUserWebFilter(fullChain, users.contexts(), sessionIds,
				users.knownBearerTokens(), signedInUsers);
		return new MatcherSecurityWebFilterChain(GatewayEndpoints.NOT_MATCHER, List.of(knownUsers));
	}

	/**
	 * The gateway's own endpoints on the public port: OIDC sign-in and its callback,
	 * logout, the session's profile, the health probes, the identity assertions' JWK set.
	 */
	@Bean
	@Order(4)
	SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http, EdgeSecurityProperties properties,
			SignInRegistrations signIns, ReactiveClientRegistrationRepository registrations,
			SameOriginRequestCache requestCache, UserAuthentication userAuthentication,
			ObjectProvider<CredentialService> credentials, SignedInUserResolver users, SessionRevocation revocation,
			SignInFailureHandler signInFailures, SignInAuditor signInAuditor, LogoutAuditor logouts) {
		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers(EdgeAuthenticationEntryPoint.LOGIN_PATH, "/livez", "/readyz", "/favicon.ico",
					AssertionJwksController.PATH)
			.permitAll()
			.anyExchange()
			.authenticated());
		http.oauth2Login((login) -> login
			.authorizationRequestResolver(
					authorizationRequestResolver(registrations, properties.getAuthorizationParameters(), signIns))
			.authenticationSuccessHandler(new SessionDetailsRecorder(
					new DelegatingServerAuthenticationSuccessHandler(signInAuditor, successHandler(requestCache)),
					users))
			.authenticationFailureHandler(signInFailures));
		http.logout((logout) -> {
			logout.logoutSuccessHandler(logoutSuccessHandler(registrations));
			logout.logoutHandler((handlers) -> {
				handlers.add(0, new AllSessionsLogoutHandler(revocation));
				handlers.add(1, new SessionEndingLogoutHandler());
				handlers.add(0, logouts);
			});
			// before the session ends: its details name the owner of its tokens
			credentials.ifAvailable((service) -> logout
				.logoutHandler((handlers) -> handlers.add(1, new DelegatedTokensLogoutHandler(service, users))));
		});
		return userAuthentication.configure(http).build();
	}

	private static ServerOAuth2AuthorizationRequestResolver authorizationRequestResolver(
			ReactiveClientRegistrationRepository registrations, Map<String, Map<String, String>> parameters,
			SignInRegistrations signIns) {
		DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return new SignInAuthorizationRequestResolver(resolver, parameters, signIns);
	}

	private static RedirectServerAuthenticationSuccessHandler successHandler(SameOriginRequestCache requestCache) {
		RedirectServerAuthenticationSuccessHandler handler = new RedirectServerAuthenticationSuccessHandler("/");
		handler.setRequestCache(requestCache);
		return handler;
	}

	private static OidcClientInitiatedServerLogoutSuccessHandler logoutSuccessHandler(
			ReactiveClientRegistrationRepository registrations) {
		OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		return handler;
	}

}
