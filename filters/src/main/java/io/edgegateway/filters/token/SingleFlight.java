package io.edgegateway.filters.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * One mint per key at a time: concurrent requests for the same missing token share the
 * first request's mint instead of each calling the identity provider. Keyed by the cache
 * key itself, so requests that differ in any part of the key (user, scopes, audience)
 * never share a mint. Failures are not shared beyond the requests already waiting: the
 * next request tries again.
 */
public final class SingleFlight {

	private final Map<TokenKey, Mono<MintedToken>> inFlight = new ConcurrentHashMap<>();

	/**
	 * Run a mint, or join the one already running for the key.
	 * @param key the key
	 * @param mint the mint
	 * @return the token
	 */
	public Mono<MintedToken> run(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return run(key, mint, () -> {
		});
	}

	/**
	 * Run a mint, or join the one already running for the key.
	 * @param key the key
	 * @param mint the mint
	 * @param onJoin called when the request joins a running mint
	 * @return the token
	 */
	public Mono<MintedToken> run(TokenKey key, Supplier<Mono<MintedToken>> mint, Runnable onJoin) {
		return Mono.defer(() -> {
			AtomicBoolean started = new AtomicBoolean();
			Mono<MintedToken> flight = start(key, mint, started);
			if (!started.get()) {
				onJoin.run();
			}
			return flight;
		});
	}

	private Mono<MintedToken> start(TokenKey key, Supplier<Mono<MintedToken>> mint, AtomicBoolean started) {
		return this.inFlight.computeIfAbsent(key, (k) -> {
			started.set(true);
			AtomicReference<Mono<MintedToken>> self = new AtomicReference<>();
			// Removed before the result reaches anyone, so a caller that has its token
			// never finds the flight.
			Mono<MintedToken> flight = Mono.defer(mint)
				.doOnTerminate(() -> this.inFlight.remove(k, self.get()))
				.doOnCancel(() -> this.inFlight.remove(k, self.get()))
				.cache();
			self.set(flight);
			return flight;
		});
	}

	/**
	 * Whether a mint is running for a key.
	 * @param key the key
	 * @return whether one is in flight
	 */
	public boolean isRunning(TokenKey key) {
		return this.inFlight.containsKey(key);
	}

}
