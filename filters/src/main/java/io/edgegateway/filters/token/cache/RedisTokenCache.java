package io.edgegateway.filters.token.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionException;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The shared token cache (L2) in Redis, so replicas reuse each other's tokens. Keys are a
 * configurable prefix and the key's hash (no subject or email in clear); values are
 * AES-GCM encrypted with the active key and carry the key id, so keys rotate while older
 * values stay readable. Every operation is bounded in time: a slow Redis is a failing
 * Redis, which the token service treats as a miss.
 * <p>
 * Each value is bound to its Redis key with AES-GCM associated data: a value copied under
 * another key (another user's, another audience's) does not decrypt. Such a value, and
 * one written before values were bound (they live minutes), is a miss with a warning: the
 * token is minted again and the new value replaces it; it is never served.
 */
public final class RedisTokenCache implements TokenCache {

	private static final Log logger = LogFactory.getLog(RedisTokenCache.class);

	private final ReactiveRedisTemplate<String, byte[]> redis;

	private final AesGcmCipher cipher;

	private final String prefix;

	private final Duration timeout;

	public RedisTokenCache(ReactiveRedisConnectionFactory connectionFactory, AesGcmCipher cipher, String prefix,
			Duration timeout) {
		RedisSerializationContext<String, byte[]> context = RedisSerializationContext
			.<String, byte[]>newSerializationContext(RedisSerializer.byteArray())
			.key(RedisSerializer.string())
			.build();
		this.redis = new ReactiveRedisTemplate<>(connectionFactory, context);
		this.cipher = cipher;
		this.prefix = prefix;
		this.timeout = timeout;
	}

	@Override
	public Mono<MintedToken> get(TokenKey key) {
		String redisKey = redisKey(key);
		return this.redis.opsForValue()
			.get(redisKey)
			.timeout(this.timeout)
			.flatMap((stored) -> Mono.justOrEmpty(decode(redisKey, stored)));
	}

	/**
	 * Store a token; a user's token is also listed under its owner, a set that lives as
	 * long as the user's longest token, so logout can find them all.
	 */
	@Override
	public Mono<Void> put(TokenKey key, MintedToken token, Duration timeToLive) {
		String redisKey = redisKey(key);
		Mono<Boolean> stored = this.redis.opsForValue().set(redisKey, encode(redisKey, token), timeToLive);
		if (key.owner() != null) {
			String ownerKey = ownerKey(key.owner());
			stored = stored.then(this.redis.opsForSet().add(ownerKey, key.hash().getBytes(StandardCharsets.UTF_8)))
				.then(this.redis.getExpire(ownerKey))
				.flatMap((current) -> (current.compareTo(timeToLive) >= 0) ? Mono.just(true)
						: this.redis.expire(ownerKey, timeToLive));
		}
		return stored.timeout(this.timeout).then();
	}

	@Override
	public Mono<Void> evictOwner(String owner) {
		String ownerKey = ownerKey(owner);
		return this.redis.opsForSet()
			.members(ownerKey)
			.map((hash) -> this.prefix + new String(hash, StandardCharsets.UTF_8))
			.concatWith(Mono.just(ownerKey))
			.collectList()
			.flatMap((keys) -> this.redis.delete(keys.toArray(String[]::new)))
			.then(this.redis.convertAndSend(evictionChannel(), owner.getBytes(StandardCharsets.UTF_8)))
			.timeout(this.timeout)
			.then();
	}

	/**
	 * The channel on which {@link #evictOwner(String)} tells every replica to drop the
	 * owner's tokens from memory.
	 * @return the channel name
	 */
	public String evictionChannel() {
		return this.prefix + "evictions";
	}

	private String ownerKey(String owner) {
		return this.prefix + "owner:" + owner;
	}

	@Override
	public Mono<Void> evict(TokenKey key) {
		return this.redis.delete(redisKey(key)).timeout(this.timeout).then();
	}

	private String redisKey(TokenKey key) {
		return this.prefix + key.hash();
	}

	private byte[] encode(String redisKey, MintedToken token) {
		byte[] value = token.value().getBytes(StandardCharsets.UTF_8);
		long expiresAt = (token.expiresAt() != null) ? token.expiresAt().toEpochMilli() : -1;
		long issuedAt = (token.issuedAt() != null) ? token.issuedAt().toEpochMilli() : -1;
		return this.cipher.encrypt(
				ByteBuffer.allocate(16 + value.length).putLong(expiresAt).putLong(issuedAt).put(value).array(),
				redisKey.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The token stored under a key, or none when the value does not decrypt there: the
	 * cache works (no fault, health stays up), the value is just not a token for this
	 * key.
	 */
	private @Nullable MintedToken decode(String redisKey, byte[] stored) {
		byte[] plaintext;
		try {
			plaintext = this.cipher.decrypt(stored, redisKey.getBytes(StandardCharsets.UTF_8));
		}
		catch (EncryptionException ex) {
			logger.warn("Ignoring a cached token that cannot be read under its key (" + ex.getMessage()
					+ "); minting a new one");
			return null;
		}
		ByteBuffer plain = ByteBuffer.wrap(plaintext);
		long expiresAt = plain.getLong();
		long issuedAt = plain.getLong();
		byte[] value = new byte[plain.remaining()];
		plain.get(value);
		return new MintedToken(new String(value, StandardCharsets.UTF_8),
				(expiresAt >= 0) ? Instant.ofEpochMilli(expiresAt) : null,
				(issuedAt >= 0) ? Instant.ofEpochMilli(issuedAt) : null);
	}

}
