package io.edgegateway.filters.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads private keys in PEM (PKCS#8, {@code -----BEGIN PRIVATE KEY-----}), the form
 * Google's key files and {@code openssl genpkey} use: RSA keys, and EC keys whose public
 * half is computed from the private one.
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
		byte[] der = der(pem);
		try {
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
	 * Read an RSA or EC private key.
	 * @param pem the PEM text
	 * @return the key, an {@link RSAPrivateCrtKey} or an {@link ECPrivateKey}
	 * @throws IllegalArgumentException if it is neither a PKCS#8 RSA nor EC private key
	 */
	public static PrivateKey privateKey(String pem) {
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der(pem));
		for (String algorithm : List.of("RSA", "EC")) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				// not this algorithm: try the next
			}
		}
		throw new IllegalArgumentException("not a readable RSA or EC private key");
	}

	/**
	 * The public half of an EC private key: its point, the curve's generator multiplied
	 * by the private scalar. Computed once when a key is read; the JDK does not expose
	 * the public point a PKCS#8 file may carry.
	 * @param key the private key
	 * @return the public key
	 */
	public static ECPublicKey ecPublicKey(ECPrivateKey key) {
		ECParameterSpec params = key.getParams();
		ECPoint point = EcPoints.multiply(params, key.getS());
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] der(String pem) {
		int begin = pem.indexOf(BEGIN);
		int end = pem.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException("not a PKCS#8 PEM private key (expected '" + BEGIN + "')");
		}
		try {
			return Base64.getDecoder().decode(pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a PKCS#8 PEM private key: " + ex.getMessage(), ex);
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
