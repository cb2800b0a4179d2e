package io.edgegateway.app.security;

import java.util.Optional;

import io.edgegateway.app.session.SessionDetails;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;

/**
 * At logout, forgets every token minted for the session (token exchange, On-Behalf-Of,
 * delegation) in every replica's memory and in Redis, so nothing obtained in the user's
 * name outlives the session that asked for it; the user's other sessions keep theirs. A
 * session signed in before sessions had a token owner forgets the user's tokens. Runs
 * before the session is deleted, whose details name the token owner.
 */
final class DelegatedTokensLogoutHandler implements ServerLogoutHandler {

	private final CredentialService credentials;

	private final SignedInUserResolver users;

	DelegatedTokensLogoutHandler(CredentialService credentials, SignedInUserResolver users) {
		this.credentials = credentials;
		this.users = users;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		return exchange.getExchange()
			.getSession()
			.mapNotNull((session) -> session.<SessionDetails>getAttribute(SessionDetails.ATTRIBUTE))
			.mapNotNull(SessionDetails::tokenOwner)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((tokenOwner) -> tokenOwner.map(this.credentials::forgetSession)
				.orElseGet(() -> forgetUser(authentication)));
	}

	private Mono<Void> forgetUser(Authentication authentication) {
		return this.users.resolve(authentication)
			.map(SignedInUser::subject)
			.map(this.credentials::forgetUser)
			.orElseGet(Mono::empty);
	}

}
