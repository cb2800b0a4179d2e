package io.edgegateway.filters.credential.resilience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.token.MintedToken;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.util.Assert;

/**
 * At most a given number of mints in flight at the identity provider per client
 * registration; further mints wait their turn, first come first served, for at most the
 * credential timeout. A cold start that needs thousands of distinct tokens at once thus
 * reaches the provider as a steady stream it can answer in time, instead of a burst that
 * makes every call slow, times them out and opens the circuit breaker.
 * <p>
 * A mint that waited too long ends in {@code 503} ({@code idp_busy}); the provider never
 * saw it, so it is not a provider failure.
 * <p>
 * Why not Resilience4j's {@code Bulkhead}: its Reactor operator never waits for a place
 * (a full bulkhead fails the call at once), and a queue with a bounded wait, first come
 * first served, is what spreads a burst out. The queue is kept here, in about a hundred
 * lines.
 */
public final class IdpConcurrencyLimits {

	private final int maxConcurrentMints;

	private final Duration maxWait;

	private final Map<String, Limit> limits = new ConcurrentHashMap<>();

	/**
	 * Create the limits.
	 * @param maxConcurrentMints mints in flight per registration
	 * @param maxWait longest wait for a turn
	 */
	public IdpConcurrencyLimits(int maxConcurrentMints, Duration maxWait) {
		Assert.isTrue(maxConcurrentMints > 0,
				() -> "edge.credentials.max-concurrent-mints must be at least 1, not " + maxConcurrentMints);
		this.maxConcurrentMints = maxConcurrentMints;
		this.maxWait = maxWait;
	}

	/**
	 * Run a mint of a registration when it is its turn.
	 * @param registration the registration the identity provider is called for
	 * @param spec the route's spec, for the error
	 * @param mint the mint
	 * @return the mint, started when a place is free; a {@link CredentialException}
	 * ({@code idp_busy}) if none came free in time
	 */
	public Mono<MintedToken> limit(String registration, CredentialSpec spec, Mono<MintedToken> mint) {
		Limit limit = this.limits.computeIfAbsent(registration, (name) -> new Limit(this.maxConcurrentMints));
		return Mono.defer(() -> {
			Turn turn = limit.request();
			return turn.granted()
				.timeout(this.maxWait)
				.onErrorMap(TimeoutException.class, (ex) -> busy(spec, ex))
				.doOnCancel(turn::abandon)
				.doOnError((ex) -> turn.abandon())
				.then(Mono.defer(() -> mint.doFinally((signal) -> limit.release())));
		});
	}

	private CredentialException busy(CredentialSpec spec, Throwable cause) {
		return new CredentialException(CredentialException.Reason.UNAVAILABLE, spec.routeId(), spec.registration(),
				spec.mode(), "idp_busy", "Too many tokens are being minted at the identity provider; waited "
						+ this.maxWait.toMillis() + " ms for a turn",
				cause);
	}

	/**
	 * One registration's places and queue.
	 */
	private static final class Limit {

		private final int max;

		private final Queue<Turn> waiting = new ArrayDeque<>();

		private int active;

		Limit(int max) {
			this.max = max;
		}

		synchronized Turn request() {
			Turn turn = new Turn(this);
			if (this.active < this.max) {
				this.active++;
				turn.grant();
			}
			else {
				this.waiting.add(turn);
			}
			return turn;
		}

		/**
		 * A place came free: the next waiting turn that is still wanted takes it.
		 */
		synchronized void release() {
			Turn next;
			while ((next = this.waiting.poll()) != null) {
				if (next.grant()) {
					return;
				}
			}
			this.active--;
		}

	}

	/**
	 * A mint's turn: waiting, granted, or abandoned by a caller that stopped waiting.
	 */
	private static final class Turn {

		private static final int WAITING = 0;

		private static final int GRANTED = 1;

		private static final int ABANDONED = 2;

		private final Limit limit;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		private final Sinks.Empty<Void> granted = Sinks.empty();

		Turn(Limit limit) {
			this.limit = limit;
		}

		boolean grant() {
			if (this.state.compareAndSet(WAITING, GRANTED)) {
				this.granted.tryEmitEmpty();
				return true;
			}
			return false;
		}

		/**
		 * The caller stopped waiting (timeout, cancel): give back a place granted in the
		 * meantime, or leave the queue.
		 */
		void abandon() {
			if (!this.state.compareAndSet(WAITING, ABANDONED) && this.state.compareAndSet(GRANTED, ABANDONED)) {
				this.limit.release();
			}
		}

		Mono<Void> granted() {
			return this.granted.asMono();
		}

	}

}
