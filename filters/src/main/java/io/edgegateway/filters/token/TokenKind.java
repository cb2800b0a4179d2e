package io.edgegateway.filters.token;

/**
 * What a cached token is: the credential mode that minted it, or the shared result of a
 * user's refresh. Part of every {@link TokenKey}, and the {@code mode} tag of the token
 * metrics.
 */
public enum TokenKind {

	/**
	 * RFC 8693 token exchange for the user.
	 */
	TOKEN_EXCHANGE,

	/**
	 * Entra On-Behalf-Of for the user.
	 */
	ON_BEHALF_OF,

	/**
	 * Domain-wide delegation for the user.
	 */
	DELEGATED_SERVICE_ACCOUNT,

	/**
	 * The gateway's own client-credentials token.
	 */
	SERVICE_ACCOUNT,

	/**
	 * A user's refreshed access and refresh token, shared for a minute so concurrent
	 * requests and replicas refresh once.
	 */
	REFRESH

}
