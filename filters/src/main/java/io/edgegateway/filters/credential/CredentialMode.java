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
	TOKEN_RELAY(true, null, "the user's own access token"),

	/**
	 * RFC 8693 token exchange: the user's token traded for one for the upstream's
	 * audience.
	 */
	TOKEN_EXCHANGE(true, TokenKind.TOKEN_EXCHANGE, "a token the identity provider exchanged for the user's token"),

	/**
	 * Microsoft Entra On-Behalf-Of: the jwt-bearer grant with the user's token as the
	 * assertion.
	 */
	ON_BEHALF_OF(true, TokenKind.ON_BEHALF_OF, "a token the identity provider issued on behalf of the user"),

	/**
	 * Domain-wide delegation: a service account's signed assertion naming the user.
	 */
	DELEGATED_SERVICE_ACCOUNT(false, TokenKind.DELEGATED_SERVICE_ACCOUNT,
			"a service account's token acting as the user"),

	/**
	 * Client credentials: the upstream sees the gateway; the user travels in identity
	 * headers.
	 */
	SERVICE_ACCOUNT(false, TokenKind.SERVICE_ACCOUNT, "the gateway's own token; the user travels in identity headers");

	private final boolean presentsUserToken;

	private final @Nullable TokenKind tokenKind;

	private final String upstreamReceives;

	CredentialMode(boolean presentsUserToken, @Nullable TokenKind tokenKind, String upstreamReceives) {
		this.presentsUserToken = presentsUserToken;
		this.tokenKind = tokenKind;
		this.upstreamReceives = upstreamReceives;
	}

	/**
	 * What the upstream receives as {@code Authorization: Bearer}, in words, for an
	 * explanation of a route.
	 * @return e.g. {@code the user's own access token}
	 */
	public String upstreamReceives() {
		return this.upstreamReceives;
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
