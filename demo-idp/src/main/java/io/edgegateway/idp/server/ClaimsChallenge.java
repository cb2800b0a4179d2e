package io.edgegateway.idp.server;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * An error the token endpoint answers with a claims challenge, as Entra ID answers a
 * request its Conditional Access policies refuse: the client sends {@code claims} to the
 * authorization endpoint when the user signs in again ({@link ClaimsChallengeErrorWriter}
 * writes it).
 */
final class ClaimsChallenge extends OAuth2Error {

	/**
	 * Entra's authentication-context request for the demo's multi-factor level.
	 */
	static final String MULTI_FACTOR = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"mfa\"}}}";

	private final String claims;

	ClaimsChallenge(String errorCode, String description, String claims) {
		super(errorCode, description, null);
		this.claims = claims;
	}

	String claims() {
		return this.claims;
	}

}
