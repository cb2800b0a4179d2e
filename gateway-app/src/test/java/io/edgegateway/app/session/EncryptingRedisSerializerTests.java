package io.edgegateway.app.session;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EncryptingRedisSerializerTests {

	private static final String SECRET = "a-refresh-token-value-".repeat(40);

	private final AesGcmCipher cipher = cipher("k1", "dGVzdC1rZXktZm9yLWVkZ2UtZ2F0ZXdheS1zZXNzaW8=");

	@Test
	void valuesAreEncryptedAndReadBack() {
		EncryptingRedisSerializer serializer = serializer(this.cipher, 16);
		byte[] stored = serializer.serialize(Map.of("refresh_token", SECRET));
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("a-refresh-token");
		assertThat(serializer(this.cipher, 0).deserialize(stored)).isEqualTo(Map.of("refresh_token", SECRET));
		assertThat(serializer.serialize(42L).length).isLessThan(EncryptingRedisSerializer.DECODED_MINIMUM_BYTES);
		assertThat(serializer.deserialize(serializer.serialize(42L))).isEqualTo(42L);
	}

	@Test
	void largeValuesReadAgainUnchangedAreDecodedOnce() {
		EncryptingRedisSerializer writer = serializer(this.cipher, 0);
		EncryptingRedisSerializer reader = serializer(this.cipher, 16);
		byte[] stored = writer.serialize(Map.of("refresh_token", SECRET));
		Object first = reader.deserialize(stored);
		assertThat(reader.deserialize(stored.clone())).isSameAs(first);
		byte[] rewritten = writer.serialize(Map.of("refresh_token", SECRET));
		assertThat(rewritten).isNotEqualTo(stored);
		assertThat(reader.deserialize(rewritten)).isEqualTo(first).isNotSameAs(first);
	}

	@Test
	void aValueThisReplicaWroteIsDecodedFromItsBytesNotSharedWithTheWriter() {
		EncryptingRedisSerializer serializer = serializer(this.cipher, 16);
		Map<String, String> value = Map.of("refresh_token", SECRET);
		assertThat(serializer.deserialize(serializer.serialize(value))).isNotSameAs(value).isEqualTo(value);
	}

	@Test
	void aRemovedValueReadsAsNothing() {
		EncryptingRedisSerializer serializer = serializer(this.cipher, 16);
		assertThat(serializer.deserialize(serializer.serialize(null))).isNull();
	}

	@Test
	void aValueEncryptedWithAnUnknownKeyIsRefusedEvenWhenDecodedValuesAreKept() {
		byte[] other = serializer(cipher("k2", "b3RoZXIta2V5LWZvci1lZGdlLWdhdGV3YXktc2Vzc2k="), 16)
			.serialize(Map.of("refresh_token", SECRET));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer(this.cipher, 16).deserialize(other))
			.withMessageContaining("'k2', which is not configured");
	}

	private static EncryptingRedisSerializer serializer(AesGcmCipher cipher, int decodedCacheSize) {
		return new EncryptingRedisSerializer(new JdkSerializationRedisSerializer(), cipher, decodedCacheSize);
	}

	private static AesGcmCipher cipher(String id, String key) {
		EncryptionProperties properties = new EncryptionProperties();
		properties.setActiveKey(id);
		properties.getKeys().put(id, key);
		return AesGcmCipher.from(properties, "edge.session.encryption");
	}

}
