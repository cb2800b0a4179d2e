package io.edgegateway.idp.server;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.idp.DemoUsers;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;

/**
 * Verifies a Google service account's domain-wide delegation assertion the way Google's
 * token endpoint does: RS256 signed by a registered key of the {@code iss} service
 * account (the header's {@code kid}), {@code aud} exactly the token endpoint, short-lived
 * ({@code exp} in the future, at most an hour after {@code iat}), {@code sub} a user of
 * the domain (the demo users) and a non-empty {@code scope}. The error codes and
 * descriptions are Google's.
 */
final class DelegationAssertionVerifier {

	private static final String INVALID_GRANT = "invalid_grant";

	private static final String INVALID_SIGNATURE = "Invalid JWT Signature.";

	private static final Duration MAX_LIFETIME = Duration.ofHours(1);

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private final Map<String, Map<String, RSAPublicKey>> serviceAccountKeys;

	private final String audience;

	private final Clock clock;

	DelegationAssertionVerifier(Map<String, Map<String, RSAPublicKey>> serviceAccountKeys, String audience,
			Clock clock) {
		this.serviceAccountKeys = serviceAccountKeys;
		this.audience = audience;
		this.clock = clock;
	}

	/**
	 * Verifies an assertion.
	 * @param assertion the serialized JWT
	 * @return the verified delegation
	 * @throws DelegationException if Google would refuse the assertion
	 */
	Delegation verify(String assertion) {
		SignedJWT jwt = parse(assertion);
		JWTClaimsSet claims = claims(jwt);
		String clientEmail = claims.getIssuer();
		Map<String, RSAPublicKey> keys = (clientEmail != null) ? this.serviceAccountKeys.get(clientEmail) : null;
		if (keys == null) {
			throw new DelegationException(INVALID_GRANT, "Invalid grant: account not found");
		}
		String keyId = jwt.getHeader().getKeyID();
		RSAPublicKey key = (keyId != null) ? keys.get(keyId) : null;
		if (key == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !verifies(jwt, key)) {
			throw new DelegationException(INVALID_GRANT, INVALID_SIGNATURE);
		}
		if (!List.of(this.audience).equals(claims.getAudience())) {
			throw new DelegationException(INVALID_GRANT,
					"Invalid JWT: Failed audience check. The right audience is " + this.audience);
		}
		checkTimes(claims.getIssueTime(), claims.getExpirationTime());
		DemoUsers.Profile user = (claims.getSubject() != null) ? DemoUsers.findByEmail(claims.getSubject()).orElse(null)
				: null;
		if (user == null) {
			throw new DelegationException("unauthorized_client",
					"Client is unauthorized to retrieve access tokens using this method, "
							+ "or client not authorized for any of the scopes requested.",
					HttpStatus.UNAUTHORIZED);
		}
		String scope = scope(claims);
		if (!StringUtils.hasText(scope)) {
			throw new DelegationException("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
		}
		return new Delegation(clientEmail, user, scope.trim());
	}

	private void checkTimes(@Nullable Date issuedAt, @Nullable Date expiresAt) {
		Instant now = this.clock.instant();
		if (issuedAt == null || expiresAt == null || !expiresAt.toInstant().isAfter(now)
				|| issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))
				|| Duration.between(issuedAt.toInstant(), expiresAt.toInstant()).compareTo(MAX_LIFETIME) > 0) {
			throw new DelegationException(INVALID_GRANT,
					"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. "
							+ "Check your iat and exp values in the JWT claim.");
		}
	}

	private static SignedJWT parse(String assertion) {
		try {
			return SignedJWT.parse(assertion);
		}
		catch (ParseException ex) {
			throw new DelegationException(INVALID_GRANT, "Invalid JWT: " + ex.getMessage());
		}
	}

	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new DelegationException(INVALID_GRANT, "Invalid JWT: " + ex.getMessage());
		}
	}

	private static boolean verifies(SignedJWT jwt, RSAPublicKey key) {
		try {
			return jwt.verify(new RSASSAVerifier(key));
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	private static @Nullable String scope(JWTClaimsSet claims) {
		try {
			return claims.getStringClaim("scope");
		}
		catch (ParseException ex) {
			return null;
		}
	}

	/**
	 * A verified delegation: a service account acting as a user.
	 *
	 * @param clientEmail the service account's {@code client_email}
	 * @param user the user the service account acts as
	 * @param scope the requested scopes, space-separated
	 */
	record Delegation(String clientEmail, DemoUsers.Profile user, String scope) {

	}

}
