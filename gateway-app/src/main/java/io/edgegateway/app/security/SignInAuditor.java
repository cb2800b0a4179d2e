package io.edgegateway.app.security;

import io.edgegateway.app.session.SessionAuditLog;
import io.edgegateway.app.session.SessionDetails;
import io.edgegateway.filters.request.RequestIds;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebSession;

/**
 * Records a browser sign-in: a {@code login} audit event (the user, the provider, the
 * session's handle, the client's address) and the {@code edge.logins} metric. Runs after
 * {@link SessionDetailsRecorder} has kept the session's details, and after the session
 * got its new id (no fixation), so the handle is the one listings show.
 */
final class SignInAuditor implements ServerAuthenticationSuccessHandler {

	private final SessionAuditLog audit;

	private final SignInMetrics metrics;

	SignInAuditor(SessionAuditLog audit, SignInMetrics metrics) {
		this.audit = audit;
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken signIn)) {
			return Mono.empty();
		}
		String registration = signIn.getAuthorizedClientRegistrationId();
		this.metrics.succeeded(registration);
		return exchange.getExchange()
			.getSession()
			.doOnNext((session) -> record(exchange, session, registration))
			.then();
	}

	private void record(WebFilterExchange exchange, WebSession session, String registration) {
		SessionDetails details = session.getAttribute(SessionDetails.ATTRIBUTE);
		if (details != null) {
			this.audit.signedIn(session.getId(), details, registration,
					exchange.getExchange().getAttribute(RequestIds.ATTRIBUTE));
		}
	}

}
