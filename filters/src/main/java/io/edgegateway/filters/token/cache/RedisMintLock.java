package io.edgegateway.filters.token.cache;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.edgegateway.filters.token.MintLock;
import io.edgegateway.filters.token.TokenKey;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The mint lock in Redis: {@code SET key owner NX PX ttl} to take it, and a
 * compare-and-delete script to release it only while this replica still owns it.
 */
public final class RedisMintLock implements MintLock {

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final Duration timeout;

	public RedisMintLock(ReactiveStringRedisTemplate redis, String prefix, Duration timeout) {
		this.redis = redis;
		this.prefix = prefix;
		this.timeout = timeout;
	}

	@Override
	public Mono<Held> tryAcquire(TokenKey key, Duration timeToLive) {
		String lockKey = this.prefix + "lock:" + key.hash();
		String owner = UUID.randomUUID().toString();
		return this.redis.opsForValue()
			.setIfAbsent(lockKey, owner, timeToLive)
			.timeout(this.timeout)
			.filter(Boolean::booleanValue)
			.map((acquired) -> () -> this.redis.execute(RELEASE, List.of(lockKey), List.of(owner))
				.timeout(this.timeout)
				.then()
				.onErrorResume((ex) -> Mono.empty()));
	}

}
