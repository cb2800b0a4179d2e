package io.edgegateway.app.security;

import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;

/**
 * At logout, forgets every token minted for the user (token exchange, On-Behalf-Of,
 * delegation) in every replica's memory and in Redis, so nothing obtained in the user's
 * name outlives the session that asked for it.
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
		return this.users.resolve(authentication)
			.map(SignedInUser::subject)
			.map(this.credentials::forgetUser)
			.orElseGet(Mono::empty);
	}

}
