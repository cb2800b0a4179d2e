package io.edgegateway.filters.credential;

/**
 * How a route's upstream credential is obtained, and what the audit log calls it.
 */
public enum CredentialMode {

	/**
	 * The signed-in user's own access token, refreshed when it expires.
	 */
	TOKEN_RELAY(true),

	/**
	 * RFC 8693 token exchange: the user's token traded for one for the upstream's
	 * audience.
	 */
	TOKEN_EXCHANGE(true),

	/**
	 * Microsoft Entra On-Behalf-Of: the jwt-bearer grant with the user's token as the
	 * assertion.
	 */
	ON_BEHALF_OF(true),

	/**
	 * Domain-wide delegation: a service account's signed assertion naming the user.
	 */
	DELEGATED_SERVICE_ACCOUNT(false),

	/**
	 * Client credentials: the upstream sees the gateway; the user travels in identity
	 * headers.
	 */
	SERVICE_ACCOUNT(false);

	private final boolean presentsUserToken;

	CredentialMode(boolean presentsUserToken) {
		this.presentsUserToken = presentsUserToken;
	}

	/**
	 * Whether the mode presents the user's own token to the identity provider, so that a
	 * refusal of the grant ({@code invalid_grant}) means the user must sign in again
	 * rather than that the gateway is misconfigured.
	 * @return whether the user's token is presented
	 */
	public boolean presentsUserToken() {
		return this.presentsUserToken;
	}

}
