package io.edgegateway.app.security;

import io.edgegateway.app.session.SessionRevocation;
import io.edgegateway.filters.request.RequestIds;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;

/**
 * {@code POST /logout?scope=all}: before the logout of the current session proceeds as
 * usual (RP-initiated logout at the provider), every other session of the user's, on
 * every replica, is revoked too. The logout is CSRF-protected like any other.
 */
final class AllSessionsLogoutHandler implements ServerLogoutHandler {

	/**
	 * The query parameter that asks for every session to end, and its value.
	 */
	static final String SCOPE = "scope";

	static final String ALL = "all";

	private final SessionRevocation revocation;

	AllSessionsLogoutHandler(SessionRevocation revocation) {
		this.revocation = revocation;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		if (!ALL.equals(exchange.getExchange().getRequest().getQueryParams().getFirst(SCOPE))
				|| !(authentication.getPrincipal() instanceof OidcUser user)) {
			return Mono.empty();
		}
		return this.revocation
			.revokeAll(String.valueOf(user.getIssuer()), user.getSubject(), SessionRevocation.Actor.USER,
					"logout_everywhere", exchange.getExchange().getAttribute(RequestIds.ATTRIBUTE))
			.then();
	}

}
