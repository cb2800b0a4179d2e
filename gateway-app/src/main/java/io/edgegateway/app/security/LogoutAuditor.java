package io.edgegateway.app.security;

import io.edgegateway.app.session.SessionAuditLog;
import io.edgegateway.app.session.SessionDetails;
import io.edgegateway.filters.request.RequestIds;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.WebSession;

/**
 * Records a logout as a {@code logout} audit event: whose session, its handle, and which
 * logout ({@code rp_initiated} for this session, {@code everywhere} for
 * {@code scope=all}, whose other sessions are recorded as revoked). Runs first, while the
 * session still exists.
 */
final class LogoutAuditor implements ServerLogoutHandler {

	private final SessionAuditLog audit;

	LogoutAuditor(SessionAuditLog audit) {
		this.audit = audit;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		return exchange.getExchange().getSession().doOnNext((session) -> record(exchange, session)).then();
	}

	private void record(WebFilterExchange exchange, WebSession session) {
		SessionDetails details = session.getAttribute(SessionDetails.ATTRIBUTE);
		if (details == null) {
			return;
		}
		boolean everywhere = AllSessionsLogoutHandler.ALL
			.equals(exchange.getExchange().getRequest().getQueryParams().getFirst(AllSessionsLogoutHandler.SCOPE));
		this.audit.loggedOut(session.getId(), details, everywhere ? "everywhere" : "rp_initiated",
				exchange.getExchange().getAttribute(RequestIds.ATTRIBUTE));
	}

}
