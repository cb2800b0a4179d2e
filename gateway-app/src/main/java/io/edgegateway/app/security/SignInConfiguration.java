package io.edgegateway.app.security;

import io.edgegateway.app.session.SessionAuditLog;
import io.edgegateway.app.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;

/**
 * What becomes of a browser sign-in, beside the security chain: the code exchange that
 * reports an unreachable provider, the answer to a failed sign-in, and the audit events
 * and metrics of sign-ins and logouts.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	/**
	 * Spring Security's login uses this bean for the code exchange.
	 */
	@Bean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> signInTokenResponseClient() {
		return new SignInTokenResponseClient();
	}

	@Bean
	SignInMetrics signInMetrics(ObjectProvider<MeterRegistry> registry) {
		return new SignInMetrics(registry.getIfAvailable());
	}

	@Bean
	SignInFailureHandler signInFailureHandler(SignInRegistrations signIns, SameOriginRequestCache requestCache,
			ProblemResponses problems, SignInMetrics metrics, SessionAuditLog audit) {
		return new SignInFailureHandler(signIns, requestCache, problems, metrics, audit);
	}

	@Bean
	SignInAuditor signInAuditor(SessionAuditLog audit, SignInMetrics metrics) {
		return new SignInAuditor(audit, metrics);
	}

	@Bean
	LogoutAuditor logoutAuditor(SessionAuditLog audit) {
		return new LogoutAuditor(audit);
	}

}
