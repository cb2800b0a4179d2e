package io.edgegateway.idp;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Generates RSA keys and signs JWTs the way clients do: client assertions for
 * {@code private_key_jwt} and arbitrary claims (delegation assertions, foreign tokens).
 */
final class Jwts {

	private Jwts() {
	}

	static RSAKey generateKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A client assertion (RFC 7523): {@code iss} = {@code sub} = client id, {@code aud} =
	 * token endpoint, a fresh {@code jti}, valid for a minute.
	 */
	static String clientAssertion(RSAKey key, String clientId, String tokenUri) {
		Instant now = Instant.now();
		return sign(key,
				new JWTClaimsSet.Builder().issuer(clientId)
					.subject(clientId)
					.audience(tokenUri)
					.jwtID(UUID.randomUUID().toString())
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plus(Duration.ofMinutes(1))))
					.build());
	}

	static String sign(RSAKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
