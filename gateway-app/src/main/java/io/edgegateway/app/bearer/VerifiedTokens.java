package io.edgegateway.app.bearer;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Bearer tokens whose signature was verified before, for the short way through the
 * security chain.
 */
interface VerifiedTokens {

	/**
	 * The token, if it was verified before and its claims pass the validators now.
	 * @param token the token's text
	 * @return the verified token, or {@code null}
	 */
	@Nullable Jwt verified(String token);

}
