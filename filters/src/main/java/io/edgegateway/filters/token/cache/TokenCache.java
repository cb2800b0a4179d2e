package io.edgegateway.filters.token.cache;

import java.time.Duration;

import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import reactor.core.publisher.Mono;

/**
 * A store of minted tokens by key. Implementations keep a token at most for the time they
 * are given, and may fail (a Redis outage): the token service treats a failing cache as a
 * miss and mints.
 */
public interface TokenCache {

	/**
	 * The token stored under a key.
	 * @param key the key
	 * @return the token, or empty
	 */
	Mono<MintedToken> get(TokenKey key);

	/**
	 * Store a token.
	 * @param key the key
	 * @param token the token
	 * @param timeToLive how long it may be kept
	 * @return completion
	 */
	Mono<Void> put(TokenKey key, MintedToken token, Duration timeToLive);

	/**
	 * Forget a token.
	 * @param key the key
	 * @return completion
	 */
	Mono<Void> evict(TokenKey key);

	/**
	 * Forget every token of one user.
	 * @param owner the user, as {@link TokenKey#owner(String)}
	 * @return completion
	 */
	Mono<Void> evictOwner(String owner);

}
