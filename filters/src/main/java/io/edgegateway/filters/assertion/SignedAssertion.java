package io.edgegateway.filters.assertion;

import java.time.Instant;

/**
 * An identity assertion as signed: the compact JWT and when it was issued and expires.
 *
 * @param token the compact JWT
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 */
public record SignedAssertion(String token, Instant issuedAt, Instant expiresAt) {

}
