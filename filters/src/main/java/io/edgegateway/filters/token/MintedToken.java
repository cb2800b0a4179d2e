package io.edgegateway.filters.token;

import java.time.Instant;

import io.edgegateway.filters.crypto.Sha256;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * A token the gateway obtained for an upstream.
 *
 * @param value the token, never logged
 * @param expiresAt when it expires, if the identity provider said
 * @param issuedAt when it was issued, if known
 */
public record MintedToken(String value, @Nullable Instant expiresAt, @Nullable Instant issuedAt) {

	/**
	 * A minted token whose issue time is not known.
	 * @param value the token
	 * @param expiresAt when it expires, if known
	 */
	public MintedToken(String value, @Nullable Instant expiresAt) {
		this(value, expiresAt, null);
	}

	/**
	 * A minted token from an OAuth2 access token.
	 * @param token the access token
	 * @return the minted token
	 */
	public static MintedToken of(OAuth2AccessToken token) {
		return new MintedToken(token.getTokenValue(), token.getExpiresAt(), token.getIssuedAt());
	}

	/**
	 * A fingerprint that identifies the token in logs and audit events without revealing
	 * it: {@code sha256:} and the first 16 hex digits of its SHA-256.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return "sha256:" + Sha256.hex(this.value).substring(0, 16);
	}

	@Override
	public String toString() {
		return "MintedToken[" + fingerprint() + ", expiresAt=" + this.expiresAt + "]";
	}

}
