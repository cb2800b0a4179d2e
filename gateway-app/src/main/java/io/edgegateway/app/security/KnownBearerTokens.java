package io.edgegateway.app.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * The bearer tokens verified before, with the authentication Spring Security's bearer
 * filter made of them: what lets a request with such a token take the short way through
 * the security chain ({@link KnownUserWebFilter}).
 */
@FunctionalInterface
public interface KnownBearerTokens {

	/**
	 * No bearer token is known: each one takes the full chain.
	 */
	KnownBearerTokens NONE = (token) -> null;

	/**
	 * The authentication of a token verified before, if it is valid now.
	 * @param token the token
	 * @return the authentication, or {@code null} when the token was not verified before
	 * or is no longer valid (the full chain then says why)
	 */
	@Nullable Authentication authentication(String token);

}
