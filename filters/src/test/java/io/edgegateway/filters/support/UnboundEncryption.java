package io.edgegateway.filters.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes values the way the release before associated data did (cipher value version 1:
 * no associated data), so tests can prove that an upgrade still reads them. Production
 * code never writes this format.
 */
public final class UnboundEncryption {

	private static final SecureRandom random = new SecureRandom();

	private UnboundEncryption() {
	}

	/**
	 * Encrypt as the previous release did.
	 * @param keyId the key id carried in the value
	 * @param base64Key the AES key
	 * @param plaintext the value
	 * @return {@code 1 | key id length | key id | nonce | ciphertext and tag}
	 */
	public static byte[] encrypt(String keyId, String base64Key, byte[] plaintext) {
		byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
		byte[] nonce = new byte[12];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
					new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(2 + id.length + nonce.length + sealed.length)
				.put((byte) 1)
				.put((byte) id.length)
				.put(id)
				.put(nonce)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
