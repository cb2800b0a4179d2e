package io.edgegateway.filters.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.edgegateway.filters.support.UnboundEncryption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AesGcmCipherTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

	private static final byte[] HERE = "edge:sessions:a\u0000sessionAttr:x".getBytes(StandardCharsets.UTF_8);

	@Test
	void decryptWhenEncryptedThenRoundTripsAndHidesPlaintext() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A));
		byte[] plaintext = "eyJhbGciOiJSUzI1NiJ9.secret".getBytes(StandardCharsets.UTF_8);
		byte[] encrypted = cipher.encrypt(plaintext, HERE);
		assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("eyJ")
			.contains("a")
			.doesNotContain("sessions");
		assertThat(cipher.decrypt(encrypted, HERE)).isEqualTo(plaintext);
		assertThat(cipher.encrypt(plaintext, HERE)).isNotEqualTo(encrypted);
		assertThat(AesGcmCipher.isBound(encrypted)).isTrue();
	}

	@Test
	void decryptWhenAssociatedDataDiffersThenFails() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A));
		byte[] encrypted = cipher.encrypt("value".getBytes(), HERE);
		assertThatExceptionOfType(EncryptionException.class)
			.isThrownBy(() -> cipher.decrypt(encrypted, "edge:sessions:b\u0000sessionAttr:x".getBytes()))
			.withMessage("Decryption with key 'a' failed: tampered, moved or wrong key");
		assertThatExceptionOfType(EncryptionException.class).isThrownBy(() -> cipher.decrypt(encrypted, new byte[0]));
		assertThatExceptionOfType(EncryptionException.class).isThrownBy(() -> cipher.decryptUnbound(encrypted))
			.withMessage("Not an encrypted value of a known version");
	}

	@Test
	void decryptWhenKeyIdInValueChangedThenFails() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A, "b", KEY_A));
		byte[] encrypted = cipher.encrypt("value".getBytes(), HERE);
		encrypted[2] = 'b';
		assertThatExceptionOfType(EncryptionException.class).isThrownBy(() -> cipher.decrypt(encrypted, HERE))
			.withMessageContaining("tampered, moved or wrong key");
	}

	@Test
	void decryptUnboundWhenWrittenByPreviousReleaseThenReadOnlyThere() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A));
		byte[] old = UnboundEncryption.encrypt("a", KEY_A, "v".getBytes());
		assertThat(AesGcmCipher.isBound(old)).isFalse();
		assertThat(cipher.decryptUnbound(old)).isEqualTo("v".getBytes());
		assertThatExceptionOfType(EncryptionException.class).isThrownBy(() -> cipher.decrypt(old, HERE))
			.withMessage("Not an encrypted value bound to where it is read");
	}

	@Test
	void decryptWhenKeyRotatedThenOldValuesStayReadable() {
		byte[] old = cipher("a", Map.of("a", KEY_A)).encrypt("v".getBytes(), HERE);
		AesGcmCipher rotated = cipher("b", Map.of("a", KEY_A, "b", KEY_B));
		assertThat(rotated.decrypt(old, HERE)).isEqualTo("v".getBytes());
		assertThat(rotated.encrypt("v".getBytes(), HERE)[2]).isEqualTo((byte) 'b');
	}

	@Test
	void decryptWhenTamperedOrKeyRemovedThenFails() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A));
		byte[] encrypted = cipher.encrypt("value".getBytes(), HERE);
		encrypted[encrypted.length - 1] ^= 1;
		assertThatExceptionOfType(EncryptionException.class).isThrownBy(() -> cipher.decrypt(encrypted, HERE))
			.withMessageContaining("tampered, moved or wrong key");
		byte[] written = cipher.encrypt("value".getBytes(), HERE);
		assertThatExceptionOfType(EncryptionException.class)
			.isThrownBy(() -> cipher("b", Map.of("b", KEY_B)).decrypt(written, HERE))
			.withMessage("Value was encrypted with key 'a', which is not configured");
	}

	@Test
	void fromWhenKeysAreBadThenNamesEveryProperty() {
		EncryptionProperties properties = new EncryptionProperties();
		properties.setActiveKey("missing");
		properties.setKeys(Map.of("short", Base64.getEncoder().encodeToString(new byte[5])));
		assertThatIllegalStateException().isThrownBy(() -> AesGcmCipher.from(properties, "edge.session.encryption"))
			.withMessageContaining(
					"edge.session.encryption.keys.short: an AES key is 16, 24 or 32 bytes, this one is 5")
			.withMessageContaining("edge.session.encryption.active-key: 'missing' is not one of");
		assertThatIllegalStateException()
			.isThrownBy(() -> AesGcmCipher.from(new EncryptionProperties(), "edge.session.encryption"))
			.withMessageContaining("edge.session.encryption.active-key: required");
	}

	private static AesGcmCipher cipher(String active, Map<String, String> keys) {
		EncryptionProperties properties = new EncryptionProperties();
		properties.setActiveKey(active);
		properties.setKeys(keys);
		return AesGcmCipher.from(properties, "test");
	}

}
