package io.edgegateway.filters.assertion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.edgegateway.filters.crypto.PemKeys;
import org.jspecify.annotations.Nullable;

/**
 * One of the gateway's assertion signing keys: its id, its algorithm (derived from the
 * key: EC P-256 signs with ES256, RSA of 2048 bits or more with RS256), its public JWK
 * and when it starts signing.
 *
 * @param keyId the key id ({@code kid})
 * @param algorithm ES256 or RS256
 * @param publicJwk the public half, as published
 * @param signer signs with the private half
 * @param signFrom when it starts signing, {@code null} for the earliest
 */
record SigningKey(String keyId, JWSAlgorithm algorithm, JWK publicJwk, JWSSigner signer, @Nullable Instant signFrom) {

	private static final String FILE_PREFIX = "file:";

	private static final int MINIMUM_RSA_BITS = 2048;

	/**
	 * Read a configured key.
	 * @param keyId the key id
	 * @param value PEM text, or a file's path, absolute or after {@code file:}
	 * @param signFrom when it starts signing
	 * @return the key
	 * @throws IllegalArgumentException saying why it is unusable
	 */
	static SigningKey read(String keyId, String value, @Nullable Instant signFrom) {
		PrivateKey key = PemKeys.privateKey(pem(value));
		try {
			if (key instanceof ECPrivateKey ec) {
				if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
					throw new IllegalArgumentException("an EC key must be on curve P-256 (ES256)");
				}
				ECKey jwk = new ECKey.Builder(Curve.P_256, PemKeys.ecPublicKey(ec)).privateKey(ec)
					.keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256)
					.build();
				return new SigningKey(keyId, JWSAlgorithm.ES256, jwk.toPublicJWK(), new ECDSASigner(jwk), signFrom);
			}
			if (key instanceof RSAPrivateCrtKey rsa) {
				if (rsa.getModulus().bitLength() < MINIMUM_RSA_BITS) {
					throw new IllegalArgumentException("an RSA key must have at least " + MINIMUM_RSA_BITS
							+ " bits (RS256), this one has " + rsa.getModulus().bitLength());
				}
				RSAKey jwk = new RSAKey.Builder(PemKeys.rsaPublicKey(rsa)).privateKey(rsa)
					.keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.build();
				return new SigningKey(keyId, JWSAlgorithm.RS256, jwk.toPublicJWK(), new RSASSASigner(jwk), signFrom);
			}
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		throw new IllegalArgumentException("not an EC P-256 or RSA private key");
	}

	/**
	 * Whether the key may sign at an instant.
	 * @param now the instant
	 * @return whether its {@code sign-from} has passed, or it has none
	 */
	boolean signsAt(Instant now) {
		return this.signFrom == null || !this.signFrom.isAfter(now);
	}

	private static String pem(String value) {
		if (!value.startsWith(FILE_PREFIX) && !value.startsWith("/")) {
			return value;
		}
		Path path = Path.of(value.startsWith(FILE_PREFIX) ? value.substring(FILE_PREFIX.length()) : value);
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + path + ": " + ex.getMessage(), ex);
		}
	}

}
