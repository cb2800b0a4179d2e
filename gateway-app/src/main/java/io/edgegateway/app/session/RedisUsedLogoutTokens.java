package io.edgegateway.app.session;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveRedisTemplate;

/**
 * The used logout tokens in Redis, one key per token
 * ({@code <ns>:logout-jti:<hash(issuer|jti)>}) written with {@code SET NX PX}: of two
 * replicas that receive the same token, exactly one writes the key, and the key expires
 * with the token.
 */
final class RedisUsedLogoutTokens implements UsedLogoutTokens {

	private final ReactiveRedisTemplate<String, String> redis;

	private final SessionKeys keys;

	RedisUsedLogoutTokens(ReactiveRedisTemplate<String, String> redis, String namespace) {
		this.redis = redis;
		this.keys = new SessionKeys(namespace);
	}

	@Override
	public Mono<Boolean> use(String issuer, String jti, Duration lifetime) {
		return this.redis.opsForValue()
			.setIfAbsent(this.keys.logoutToken(issuer, jti), "1", lifetime)
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<Void> forget(String issuer, String jti) {
		return this.redis.delete(this.keys.logoutToken(issuer, jti)).then();
	}

}
