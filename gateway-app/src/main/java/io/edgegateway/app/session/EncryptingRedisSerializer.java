package io.edgegateway.app.session;

import java.nio.ByteBuffer;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Serializes session values and encrypts them with AES-GCM before they reach Redis, so
 * the tokens a session holds (access, refresh and ID token) are never at rest in clear.
 * <p>
 * Decrypting and deserializing the security context and the user's authorized clients was
 * a quarter of the gateway's CPU per request on a session route (load tests,
 * docs/performance.md). Large values are therefore also kept decoded in memory, keyed by
 * their exact encrypted bytes: a value read again unchanged is decoded once, and a
 * changed value has new bytes (a fresh nonce on every write), so the memory never serves
 * a stale value. Requests of one session share the decoded objects, as they do with
 * Spring Session's in-memory repository.
 */
final class EncryptingRedisSerializer implements RedisSerializer<Object> {

	/**
	 * Smaller values (the session's timestamps) are cheaper to decode than to look up.
	 */
	static final int DECODED_MINIMUM_BYTES = 512;

	private final RedisSerializer<Object> delegate;

	private final AesGcmCipher cipher;

	private final @Nullable Cache<ByteBuffer, Object> decoded;

	/**
	 * Create a serializer.
	 * @param delegate serializes values
	 * @param cipher encrypts them
	 * @param decodedCacheSize how many large values to keep decoded; 0 for none
	 */
	EncryptingRedisSerializer(RedisSerializer<Object> delegate, AesGcmCipher cipher, int decodedCacheSize) {
		this.delegate = delegate;
		this.cipher = cipher;
		this.decoded = (decodedCacheSize > 0) ? Caffeine.newBuilder().maximumSize(decodedCacheSize).build() : null;
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object value) {
		byte[] serialized = this.delegate.serialize(value);
		if (serialized == null) {
			return null;
		}
		return this.cipher.encrypt(serialized);
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		if (bytes == null) {
			return null;
		}
		if (this.decoded == null || bytes.length < DECODED_MINIMUM_BYTES) {
			return decode(bytes);
		}
		return this.decoded.get(ByteBuffer.wrap(bytes), (key) -> decode(bytes));
	}

	private @Nullable Object decode(byte[] bytes) {
		try {
			return this.delegate.deserialize(this.cipher.decrypt(bytes));
		}
		catch (EncryptionException ex) {
			throw new SerializationException("Cannot read a session value: " + ex.getMessage(), ex);
		}
	}

}
