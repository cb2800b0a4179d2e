package io.edgegateway.app.session;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Serializes session values and encrypts them with AES-GCM before they reach Redis, so
 * the tokens a session holds (access, refresh and ID token) are never at rest in clear.
 */
final class EncryptingRedisSerializer implements RedisSerializer<Object> {

	private final RedisSerializer<Object> delegate;

	private final AesGcmCipher cipher;

	EncryptingRedisSerializer(RedisSerializer<Object> delegate, AesGcmCipher cipher) {
		this.delegate = delegate;
		this.cipher = cipher;
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object value) {
		byte[] serialized = this.delegate.serialize(value);
		return (serialized != null) ? this.cipher.encrypt(serialized) : null;
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		if (bytes == null) {
			return null;
		}
		try {
			return this.delegate.deserialize(this.cipher.decrypt(bytes));
		}
		catch (EncryptionException ex) {
			throw new SerializationException("Cannot read a session value: " + ex.getMessage(), ex);
		}
	}

}
