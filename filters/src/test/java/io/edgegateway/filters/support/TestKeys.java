package io.edgegateway.filters.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * RSA keys for tests (and EC keys in PEM), and the files the gateway reads them from: a
 * PKCS#8 PEM private key for {@code private_key_jwt}, and a Google-format JSON key file
 * for domain-wide delegation.
 *
 * @param keyId the key id
 * @param publicKey the public key
 * @param privateKey the private key
 */
public record TestKeys(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {

	/**
	 * A new 2048-bit RSA key.
	 * @param keyId its key id
	 * @return the key
	 */
	public static TestKeys generate(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new TestKeys(keyId, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The public key as a JWK.
	 * @return the public JWK
	 */
	public RSAKey publicJwk() {
		return new RSAKey.Builder(this.publicKey).keyID(this.keyId).build();
	}

	/**
	 * The private key in PEM.
	 * @return PKCS#8 PEM text
	 */
	public String privateKeyPem() {
		return pem(this.privateKey);
	}

	/**
	 * A new EC key pair on curve P-256 (ES256).
	 * @return the key pair
	 */
	public static KeyPair ecP256() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A private key in PEM, as {@code openssl genpkey} writes it.
	 * @param key the key
	 * @return PKCS#8 PEM text
	 */
	public static String pem(PrivateKey key) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
	}

	/**
	 * Write the private key as a PEM file.
	 * @param file where
	 * @return the file
	 */
	public Path writePem(Path file) {
		return write(file, privateKeyPem());
	}

	/**
	 * Write a Google-format service-account JSON key file.
	 * @param file where
	 * @param clientEmail the service account's email
	 * @param tokenUri its token endpoint
	 * @return the file
	 */
	public Path writeServiceAccountKeyFile(Path file, String clientEmail, String tokenUri) {
		String json = """
				{
				  "type": "service_account",
				  "project_id": "edge-gateway-tests",
				  "private_key_id": "%s",
				  "private_key": "%s",
				  "client_email": "%s",
				  "client_id": "1234567890",
				  "token_uri": "%s"
				}
				""".formatted(this.keyId, privateKeyPem().replace("\n", "\\n"), clientEmail, tokenUri);
		return write(file, json);
	}

	/**
	 * Write a text file, creating its directory.
	 * @param file where
	 * @param text what
	 * @return the file
	 */
	public static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
