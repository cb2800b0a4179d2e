package io.edgegateway.app.security;

import io.edgegateway.filters.identity.IdentityClaims;
import io.edgegateway.filters.identity.IdentityClaimsResolver;
import io.edgegateway.filters.token.TokenService;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;

/**
 * At logout, forgets every token minted for the user (token exchange, On-Behalf-Of,
 * delegation) in this replica's memory and in Redis, so nothing obtained in the user's
 * name outlives the session that asked for it.
 */
final class DelegatedTokensLogoutHandler implements ServerLogoutHandler {

	private final TokenService tokens;

	private final IdentityClaimsResolver claimsResolver;

	DelegatedTokensLogoutHandler(TokenService tokens, IdentityClaimsResolver claimsResolver) {
		this.tokens = tokens;
		this.claimsResolver = claimsResolver;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		return this.claimsResolver.resolve(authentication)
			.map(IdentityClaims::subject)
			.map(this.tokens::evictUser)
			.orElseGet(Mono::empty);
	}

}
