package io.edgegateway.filters.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AesGcmCipherTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

	@Test
	void decryptWhenEncryptedThenRoundTripsAndHidesPlaintext() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A));
		byte[] plaintext = "eyJhbGciOiJSUzI1NiJ9.secret".getBytes(StandardCharsets.UTF_8);
		byte[] encrypted = cipher.encrypt(plaintext);
		assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("eyJ").contains("a");
		assertThat(cipher.decrypt(encrypted)).isEqualTo(plaintext);
		assertThat(cipher.encrypt(plaintext)).isNotEqualTo(encrypted);
	}

	@Test
	void decryptWhenKeyRotatedThenOldValuesStayReadable() {
		byte[] old = cipher("a", Map.of("a", KEY_A)).encrypt("v".getBytes());
		AesGcmCipher rotated = cipher("b", Map.of("a", KEY_A, "b", KEY_B));
		assertThat(rotated.decrypt(old)).isEqualTo("v".getBytes());
		assertThat(rotated.encrypt("v".getBytes())[2]).isEqualTo((byte) 'b');
	}

	@Test
	void decryptWhenTamperedOrKeyRemovedThenFails() {
		AesGcmCipher cipher = cipher("a", Map.of("a", KEY_A));
		byte[] encrypted = cipher.encrypt("value".getBytes());
		encrypted[encrypted.length - 1] ^= 1;
		assertThatExceptionOfType(EncryptionException.class).isThrownBy(() -> cipher.decrypt(encrypted))
			.withMessageContaining("tampered or wrong key");
		byte[] written = cipher.encrypt("value".getBytes());
		assertThatExceptionOfType(EncryptionException.class)
			.isThrownBy(() -> cipher("b", Map.of("b", KEY_B)).decrypt(written))
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
