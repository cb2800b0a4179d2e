package io.edgegateway.filters.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Reads RSA private keys in PEM (PKCS#8, {@code -----BEGIN PRIVATE KEY-----}), the form
 * Google's key files and {@code openssl genpkey} use.
 */
public final class PemKeys {

	private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String END = "-----END PRIVATE KEY-----";

	private PemKeys() {
	}

	/**
	 * Read an RSA private key.
	 * @param pem the PEM text
	 * @return the key
	 * @throws IllegalArgumentException if it is not a PKCS#8 RSA private key
	 */
	public static RSAPrivateCrtKey rsaPrivateKey(String pem) {
		int begin = pem.indexOf(BEGIN);
		int end = pem.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException("not a PKCS#8 PEM private key (expected '" + BEGIN + "')");
		}
		String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(body);
			if (KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key) {
				return key;
			}
			throw new IllegalArgumentException("not an RSA private key with CRT parameters");
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a readable RSA private key: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The public half of an RSA private key.
	 * @param key the private key
	 * @return the public key
	 */
	public static RSAPublicKey rsaPublicKey(RSAPrivateCrtKey key) {
		try {
			BigInteger modulus = key.getModulus();
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
