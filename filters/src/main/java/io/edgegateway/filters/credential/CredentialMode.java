package io.edgegateway.filters.credential;

/**
 * How a route's upstream credential is obtained.
 */
public enum CredentialMode {

	/**
	 * The signed-in user's own access token, refreshed when it expires.
	 */
	TOKEN_RELAY

}
