package io.edgegateway.filters.credential;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A token endpoint's error that carries a claims challenge: Microsoft Entra ID answers a
 * request its Conditional Access policies do not let through (multi-factor
 * authentication, an authentication context) with {@code interaction_required} or
 * {@code invalid_grant} and a {@code claims} value, which the client must send to the
 * authorization endpoint when the user signs in again.
 *
 * @see <a href=
 * "https://learn.microsoft.com/entra/identity-platform/claims-challenge">Claims
 * challenges, claims requests and client capabilities</a>
 */
public class ClaimsChallengeError extends OAuth2Error {

	private final String claims;

	/**
	 * Create the error.
	 * @param errorCode the error code
	 * @param description the provider's description
	 * @param uri the provider's error URI
	 * @param claims the claims challenge, a JSON object as the provider sent it
	 */
	public ClaimsChallengeError(String errorCode, @Nullable String description, @Nullable String uri, String claims) {
		super(errorCode, description, uri);
		this.claims = claims;
	}

	public String getClaims() {
		return this.claims;
	}

}
