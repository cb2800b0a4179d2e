package io.edgegateway.filters.token;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * A short lock shared by the gateway's replicas, so that for a token missing everywhere
 * one replica mints and the others read the result from the shared cache. It expires by
 * itself, so a replica that dies holding it delays the others by at most its time to
 * live, never forever.
 */
public interface MintLock {

	/**
	 * Try to take the lock for a key.
	 * @param key the key
	 * @param timeToLive how long the lock holds at most
	 * @return a handle to release it, or empty if another replica holds it
	 */
	Mono<Held> tryAcquire(TokenKey key, Duration timeToLive);

	/**
	 * A lock this replica holds.
	 */
	@FunctionalInterface
	interface Held {

		/**
		 * Release the lock, if it is still this replica's.
		 * @return completion
		 */
		Mono<Void> release();

	}

}
