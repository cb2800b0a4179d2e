package io.edgegateway.filters.token;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One mint across replicas for a token missing everywhere: the replica that takes the
 * shared lock mints, the others wait (bounded) for its token to appear in the shared
 * cache, and mint themselves if it does not. Without a shared lock, or when taking it
 * fails, the replica mints: a lock is an optimisation, never a reason to fail a request.
 */
final class ReplicaMint {

	/**
	 * How long the lock holds at most: longer than a mint, short enough that a replica
	 * that dies holding it delays the others little.
	 */
	private static final Duration LOCK_TIME_TO_LIVE = Duration.ofSeconds(10);

	/**
	 * How long a replica waits for another's token before it mints itself.
	 */
	private static final Duration LOCK_WAIT = Duration.ofSeconds(3);

	private static final Duration LOCK_POLL = Duration.ofMillis(20);

	private final @Nullable MintLock lock;

	private final TieredTokenCache cache;

	ReplicaMint(@Nullable MintLock lock, TieredTokenCache cache) {
		this.lock = lock;
		this.cache = cache;
	}

	/**
	 * The key's token, minted here or by the replica that holds the lock.
	 * @param key the key
	 * @param mintAndStore mints the token and stores it at both levels
	 * @return the token
	 */
	Mono<MintedToken> mint(TokenKey key, Supplier<Mono<MintedToken>> mintAndStore) {
		MintLock lock = this.lock;
		if (lock == null) {
			return Mono.defer(mintAndStore);
		}
		return lock.tryAcquire(key, LOCK_TIME_TO_LIVE)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.onErrorResume((ex) -> Mono.just(Optional.of(Mono::empty)))
			.flatMap((held) -> held.isPresent() ? mintHoldingLock(key, mintAndStore, held.get())
					: mintedElsewhere(key).switchIfEmpty(Mono.defer(mintAndStore)));
	}

	/**
	 * With the lock, look once more: the replica that held it before may have stored the
	 * token in between.
	 */
	private Mono<MintedToken> mintHoldingLock(TokenKey key, Supplier<Mono<MintedToken>> mintAndStore,
			MintLock.Held held) {
		return this.cache.getShared(key)
			.switchIfEmpty(Mono.defer(mintAndStore))
			.flatMap((token) -> held.release().thenReturn(token))
			.onErrorResume((ex) -> held.release().then(Mono.error(ex)));
	}

	/**
	 * The other replica's token, looked for until {@link #LOCK_WAIT} has passed in all:
	 * the time bounds the wait, not the number of looks, since a shared cache that fails
	 * (its primary lost, mid-failover) takes its whole timeout over every look.
	 */
	private Mono<MintedToken> mintedElsewhere(TokenKey key) {
		return Flux.range(0, (int) LOCK_WAIT.dividedBy(LOCK_POLL))
			.concatMap((attempt) -> Mono.delay(LOCK_POLL).then(this.cache.getShared(key)))
			.next()
			.take(LOCK_WAIT);
	}

}
