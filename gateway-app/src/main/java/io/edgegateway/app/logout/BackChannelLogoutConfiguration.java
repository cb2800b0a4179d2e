package io.edgegateway.app.logout;

import java.time.Clock;

import io.edgegateway.app.security.EdgeSecurityProperties;
import io.edgegateway.app.security.SignInRegistrations;
import io.edgegateway.app.session.SessionRevocation;
import io.edgegateway.app.session.UsedLogoutTokens;
import io.edgegateway.filters.tracing.ProviderWebClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The back-channel logout endpoint's security filter chain: the provider's server calls
 * it without a session and without a CSRF token, so neither the session nor a bearer
 * token is read and no CSRF token is asked for; the logout token is its credential. It
 * comes right after the management port's chain, before every chain of the public port.
 */
@Configuration(proxyBeanMethods = false)
class BackChannelLogoutConfiguration {

	@Bean
	@Order(1)
	SecurityWebFilterChain backChannelLogoutSecurityFilterChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations, SignInRegistrations signIns,
			EdgeSecurityProperties properties, SessionRevocation revocation, UsedLogoutTokens usedLogoutTokens,
			Clock clock, ProviderWebClients webClients) {
		BackChannelLogoutWebFilter endpoint = new BackChannelLogoutWebFilter(registrations, signIns,
				new LogoutTokenDecoders(properties.getBearer(), clock, webClients),
				new BackChannelLogout(revocation, usedLogoutTokens, clock));
		return http.securityMatcher(BackChannelLogoutWebFilter.MATCHER)
			.authorizeExchange((exchanges) -> exchanges.anyExchange().denyAll())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.addFilterAt(endpoint, SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

}
