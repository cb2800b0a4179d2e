package io.edgegateway.filters.credential;

import io.edgegateway.filters.token.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * How a route's upstream credential is obtained, and what the audit log calls it.
 */
public enum CredentialMode {

	/**
	 * The signed-in user's own access token, refreshed when it expires.
	 */
	TOKEN_RELAY(true, null),

	/**
	 * RFC 8693 token exchange: the user's token traded for one for the upstream's
	 * audience.
	 */
	TOKEN_EXCHANGE(true, TokenKind.TOKEN_EXCHANGE),

	/**
	 * Microsoft Entra On-Behalf-Of: the jwt-bearer grant with the user's token as the
	 * assertion.
	 */
	ON_BEHALF_OF(true, TokenKind.ON_BEHALF_OF),

	/**
	 * Domain-wide delegation: a service account's signed assertion naming the user.
	 */
	DELEGATED_SERVICE_ACCOUNT(false, TokenKind.DELEGATED_SERVICE_ACCOUNT),

	/**
	 * Client credentials: the upstream sees the gateway; the user travels in identity
	 * headers.
	 */
	SERVICE_ACCOUNT(false, TokenKind.SERVICE_ACCOUNT);

	private final boolean presentsUserToken;

	private final @Nullable TokenKind tokenKind;

	CredentialMode(boolean presentsUserToken, @Nullable TokenKind tokenKind) {
		this.presentsUserToken = presentsUserToken;
		this.tokenKind = tokenKind;
	}

	/**
	 * What the mode's tokens are in the token cache.
	 * @return the kind, or {@code null} for token relay, whose tokens are the user's own
	 * and never cached by the gateway
	 */
	public @Nullable TokenKind tokenKind() {
		return this.tokenKind;
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
