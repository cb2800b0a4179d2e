package io.edgegateway.filters.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * AES-GCM authenticated encryption with a key id in every value, so keys can be rotated
 * while older values stay readable, and with associated data, so a value only decrypts
 * where it was written.
 * <p>
 * A value is
 * {@code version(1) | key id length(1) | key id | nonce(12) | ciphertext and tag(16)}.
 * Version 2 values are bound to associated data the caller names (for instance the Redis
 * key and field a value is stored under): GCM authenticates the version, the key id and
 * that data with the ciphertext, so the same bytes read under another key or field fail
 * to decrypt. Version 1 values (written before associated data) carry none; they are read
 * by {@link #decryptUnbound(byte[])} for one release and never written. A value that was
 * tampered with, moved, or written with a key no longer configured fails to decrypt with
 * {@link EncryptionException}.
 * <p>
 * Its length is the value format (version, key id, nonce) and key rotation, which stay
 * together with the cipher they describe.
 *
 * @see <a href="https://csrc.nist.gov/pubs/sp/800/38/d/final">NIST SP 800-38D</a>
 */
public final class AesGcmCipher {

	private static final byte UNBOUND = 1;

	private static final byte BOUND = 2;

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	/**
	 * One {@link Cipher} per thread, initialised afresh (new nonce) for every value:
	 * looking one up per value cost more than the AES work on session-sized values.
	 */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AesGcmCipher::newCipher);

	private final String activeKeyId;

	private final byte[] activeKeyIdBytes;

	private final Map<String, SecretKey> keys;

	private AesGcmCipher(String activeKeyId, Map<String, SecretKey> keys) {
		this.activeKeyId = activeKeyId;
		this.activeKeyIdBytes = activeKeyId.getBytes(StandardCharsets.UTF_8);
		this.keys = Map.copyOf(keys);
	}

	/**
	 * Build a cipher from configured keys, reporting every problem at once.
	 * @param properties the keys
	 * @param prefix the configuration prefix the keys are bound from, used in error
	 * messages
	 * @return the cipher
	 * @throws IllegalStateException naming each missing or malformed property
	 */
	public static AesGcmCipher from(EncryptionProperties properties, String prefix) {
		List<String> problems = problems(properties, prefix);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid encryption keys:\n - " + String.join("\n - ", problems));
		}
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		properties.getKeys()
			.forEach((id, encoded) -> keys.put(id,
					new SecretKeySpec(Base64.getDecoder().decode(encoded.trim()), "AES")));
		return new AesGcmCipher(properties.getActiveKey(), keys);
	}

	/**
	 * What is wrong with configured keys, each problem naming its property.
	 * @param properties the configured keys
	 * @param prefix their property prefix, for the messages
	 * @return the problems, empty when the keys are usable
	 */
	public static List<String> problems(EncryptionProperties properties, String prefix) {
		List<String> problems = new ArrayList<>();
		properties.getKeys().forEach((id, encoded) -> {
			String property = prefix + ".keys." + id;
			if (id.getBytes(StandardCharsets.UTF_8).length > 255) {
				problems.add(property + ": a key id is at most 255 bytes");
				return;
			}
			try {
				byte[] key = Base64.getDecoder().decode(encoded.trim());
				if (key.length != 16 && key.length != 24 && key.length != 32) {
					problems.add(property + ": an AES key is 16, 24 or 32 bytes, this one is " + key.length);
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(property + ": not valid base64");
			}
		});
		String active = properties.getActiveKey();
		if (!StringUtils.hasText(active)) {
			problems.add(prefix + ".active-key: required (generate a key with 'openssl rand -base64 32')");
		}
		else if (!properties.getKeys().containsKey(active)) {
			problems.add(prefix + ".active-key: '" + active + "' is not one of " + prefix + ".keys "
					+ properties.getKeys().keySet());
		}
		return problems;
	}

	/**
	 * Encrypt with the active key, bound to associated data: the value decrypts only with
	 * the same data.
	 * @param plaintext the value
	 * @param associatedData where the value belongs (not stored in the value)
	 * @return the encrypted value, carrying the key id
	 */
	public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		int headerLength = 2 + this.activeKeyIdBytes.length;
		ByteBuffer value = ByteBuffer.allocate(headerLength + NONCE_LENGTH + plaintext.length + TAG_BITS / 8)
			.put(BOUND)
			.put((byte) this.activeKeyIdBytes.length)
			.put(this.activeKeyIdBytes)
			.put(nonce);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(value.array(), 0, headerLength);
			cipher.updateAAD(associatedData);
			cipher.doFinal(plaintext, 0, plaintext.length, value.array(), value.position());
			return value.array();
		}
		catch (GeneralSecurityException ex) {
			throw new EncryptionException("Encryption failed", ex);
		}
	}

	/**
	 * Decrypt a value written by {@link #encrypt(byte[], byte[])} with any configured
	 * key.
	 * @param value the encrypted value
	 * @param associatedData where the value was read from
	 * @return the plaintext
	 * @throws EncryptionException if the value is malformed, tampered with, was written
	 * for other associated data or without any, or its key is not configured
	 */
	public byte[] decrypt(byte[] value, byte[] associatedData) {
		return open(value, BOUND, associatedData);
	}

	/**
	 * Decrypt a value written before values were bound to associated data. Such values
	 * are read for one release, so that an upgrade keeps them, and never written.
	 * @param value the encrypted value
	 * @return the plaintext
	 * @throws EncryptionException if the value is malformed, tampered with, bound to
	 * associated data, or its key is not configured
	 */
	public byte[] decryptUnbound(byte[] value) {
		return open(value, UNBOUND, null);
	}

	/**
	 * Whether a value is bound to associated data, so is read with
	 * {@link #decrypt(byte[], byte[])} rather than {@link #decryptUnbound(byte[])}.
	 * @param value an encrypted value
	 * @return whether it was written by {@link #encrypt(byte[], byte[])}
	 */
	public static boolean isBound(byte[] value) {
		return value.length > 0 && value[0] == BOUND;
	}

	private byte[] open(byte[] value, byte version, byte @Nullable [] associatedData) {
		ByteBuffer buffer = ByteBuffer.wrap(value);
		if (value.length < 2 + NONCE_LENGTH + TAG_BITS / 8 || buffer.get() != version) {
			throw new EncryptionException((version == BOUND) ? "Not an encrypted value bound to where it is read"
					: "Not an encrypted value of a known version", null);
		}
		int idLength = buffer.get() & 0xFF;
		if (buffer.remaining() < idLength + NONCE_LENGTH + TAG_BITS / 8) {
			throw new EncryptionException("Truncated encrypted value", null);
		}
		byte[] id = new byte[idLength];
		buffer.get(id);
		String keyId = new String(id, StandardCharsets.UTF_8);
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new EncryptionException("Value was encrypted with key '" + keyId + "', which is not configured",
					null);
		}
		int headerLength = buffer.position();
		byte[] nonce = new byte[NONCE_LENGTH];
		buffer.get(nonce);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			if (associatedData != null) {
				cipher.updateAAD(value, 0, headerLength);
				cipher.updateAAD(associatedData);
			}
			return cipher.doFinal(value, buffer.position(), buffer.remaining());
		}
		catch (GeneralSecurityException ex) {
			throw new EncryptionException("Decryption with key '" + keyId + "' failed: tampered, moved or wrong key",
					ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new EncryptionException("AES/GCM is not available", ex);
		}
	}

}
