package io.edgegateway.filters.credential.delegation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Signs the domain-wide delegation assertion: an RS256 JWT {@code {iss: client_email,
 * sub: <user email>, scope, aud: token_uri, iat, exp}} with the service account's key,
 * valid for a short time.
 *
 * @see <a href=
 * "https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests">Google:
 * using OAuth 2.0 for server to server applications</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-3">RFC 7523 section 3</a>
 */
public final class DelegationAssertionSigner {

	private final Clock clock;

	private final Duration lifetime;

	public DelegationAssertionSigner(Clock clock, Duration lifetime) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(!lifetime.isNegative() && lifetime.compareTo(Duration.ofHours(1)) <= 0,
				"lifetime must be between 0 and 1 hour");
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * Sign an assertion that delegates to a user.
	 * @param key the service account's key
	 * @param subject the user's email
	 * @param scopes the scopes asked for
	 * @return the signed assertion
	 */
	public Jwt sign(ServiceAccountKey key, String subject, List<String> scopes) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.lifetime);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(key.clientEmail())
			.subject(subject)
			.audience(key.tokenUri())
			.claim("scope", String.join(" ", scopes))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.privateKeyId())
			.type(JOSEObjectType.JWT)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(key.privateKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the delegation assertion of " + key.clientEmail(), ex);
		}
		return Jwt.withTokenValue(jwt.serialize())
			.headers((headers) -> headers.putAll(header.toJSONObject()))
			.claims((all) -> all.putAll(claims.toJSONObject()))
			.issuedAt(now)
			.expiresAt(expiresAt)
			.build();
	}

}
