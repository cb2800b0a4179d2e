package io.edgegateway.app.security;

import io.edgegateway.app.session.SessionDetails;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

/**
 * At sign-in, keeps in the session who it belongs to (issuer, subject, the provider's
 * {@code sid}), where it was signed in from and the owner of the tokens to be minted for
 * it, so that the session index can find it by user and by provider session, then carries
 * on with the given handler.
 */
final class SessionDetailsRecorder implements ServerAuthenticationSuccessHandler {

	private final ServerAuthenticationSuccessHandler next;

	private final SignedInUserResolver users;

	SessionDetailsRecorder(ServerAuthenticationSuccessHandler next, SignedInUserResolver users) {
		this.next = next;
		this.users = users;
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		String userId = this.users.resolve(authentication).map(SignedInUser::subject).orElse(null);
		if (!(authentication.getPrincipal() instanceof OidcUser user) || userId == null) {
			return this.next.onAuthenticationSuccess(exchange, authentication);
		}
		ServerHttpRequest request = exchange.getExchange().getRequest();
		SessionDetails details = SessionDetails.signIn(String.valueOf(user.getIssuer()), user.getSubject(),
				user.getIdToken().getClaimAsString("sid"), userId, ClientAddress.of(request),
				request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
		return exchange.getExchange()
			.getSession()
			.doOnNext((session) -> session.getAttributes().put(SessionDetails.ATTRIBUTE, details))
			.then(this.next.onAuthenticationSuccess(exchange, authentication));
	}

}
