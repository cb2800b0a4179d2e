package io.edgegateway.filters.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.edgegateway.filters.support.TestClock;
import io.edgegateway.filters.token.cache.InMemoryTokenCache;
import io.edgegateway.filters.token.cache.TokenCache;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class TokenServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final TestClock clock = TestClock.at(NOW);

	private final AtomicInteger mints = new AtomicInteger();

	private final TokenKey key = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "reports-sa").build();

	@Test
	void tokenWhenCachedThenServedWithoutMinting() {
		TokenService service = service(null, new TokenCacheStatus(this.clock));
		assertThat(service.token(this.key, this::mint).block().value()).isEqualTo("token-1");
		assertThat(service.token(this.key, this::mint).block().value()).isEqualTo("token-1");
		assertThat(this.mints).hasValue(1);
	}

	@Test
	void tokenWhenWithinSkewOfExpiryThenNeverServedButReminted() {
		TokenService service = service(null, new TokenCacheStatus(this.clock));
		service.token(this.key, this::mint).block();
		this.clock.set(NOW.plusSeconds(300 - 30));
		assertThat(service.token(this.key, this::mint).block().value()).isEqualTo("token-2");
	}

	@Test
	void tokenWhenCloseToExpiryThenServedAndRefreshedAheadForTheNextCaller() {
		TokenService service = service(null, new TokenCacheStatus(this.clock));
		service.token(this.key, this::mint).block();
		this.clock.set(NOW.plusSeconds(300 - 30 - 60 + 1));
		assertThat(service.token(this.key, this::mint).block().value()).isEqualTo("token-1");
		assertThat(this.mints).hasValue(2);
		assertThat(service.token(this.key, this::mint).block().value()).isEqualTo("token-2");
	}

	@Test
	void tokenWhenShortLivedThenRefreshedAheadOnlyAfterHalfItsServableLife() {
		TokenService service = service(null, new TokenCacheStatus(this.clock));
		Supplier<Mono<MintedToken>> shortLived = () -> Mono
			.fromSupplier(() -> new MintedToken("short-" + this.mints.incrementAndGet(),
					this.clock.instant().plusSeconds(40), this.clock.instant()));
		service.token(this.key, shortLived).block();
		this.clock.set(NOW.plusSeconds(4));
		assertThat(service.token(this.key, shortLived).block().value()).isEqualTo("short-1");
		assertThat(this.mints).hasValue(1);
		this.clock.set(NOW.plusSeconds(6));
		assertThat(service.token(this.key, shortLived).block().value()).isEqualTo("short-1");
		assertThat(this.mints).hasValue(2);
	}

	@Test
	void tokenWhenSharedCacheHasItThenServedFromThereWithoutMinting() {
		InMemoryTokenCache shared = new InMemoryTokenCache(10);
		shared.put(this.key, new MintedToken("from-another-replica", NOW.plusSeconds(300)), Duration.ofMinutes(4))
			.block();
		assertThat(service(shared, new TokenCacheStatus(this.clock)).token(this.key, this::mint).block().value())
			.isEqualTo("from-another-replica");
		assertThat(this.mints).hasValue(0);
	}

	@Test
	void tokenWhenSharedCacheFailsThenMintsAndReportsDegradedUntilItRecovers() {
		AtomicReference<Boolean> redisDown = new AtomicReference<>(true);
		InMemoryTokenCache backing = new InMemoryTokenCache(10);
		TokenCache flaky = new TokenCache() {

			@Override
			public Mono<MintedToken> get(TokenKey key) {
				return redisDown.get() ? Mono.error(new IllegalStateException("connection refused")) : backing.get(key);
			}

			@Override
			public Mono<Void> put(TokenKey key, MintedToken token, Duration timeToLive) {
				return redisDown.get() ? Mono.error(new IllegalStateException("connection refused"))
						: backing.put(key, token, timeToLive);
			}

			@Override
			public Mono<Void> evict(TokenKey key) {
				return backing.evict(key);
			}

			@Override
			public Mono<Void> evictOwner(String owner) {
				return backing.evictOwner(owner);
			}

		};
		TokenCacheStatus status = new TokenCacheStatus(this.clock);
		AtomicInteger failures = new AtomicInteger();
		TokenService service = new TokenServiceFactory(100, flaky, null, status, new TokenMetrics() {

			@Override
			public void sharedCacheFailed() {
				failures.incrementAndGet();
			}

		}, this.clock).create(Duration.ofSeconds(30), Duration.ofSeconds(60));
		assertThat(service.token(this.key, this::mint).block().value()).isEqualTo("token-1");
		assertThat(status.failure()).isNotNull();
		assertThat(failures).hasPositiveValue();
		redisDown.set(false);
		TokenKey other = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "other").build();
		assertThat(service.token(other, this::mint).block().value()).isEqualTo("token-2");
		assertThat(status.failure()).isNull();
		assertThat(backing.get(other).block().value()).isEqualTo("token-2");
	}

	/**
	 * Mid-failover the lock's key may still be served while the token's key is not:
	 * another replica holds the lock, and every look into the shared cache takes its
	 * whole timeout. The wait for the other replica's token is bounded by time, not by
	 * the number of looks.
	 */
	@Test
	void tokenWhenAnotherReplicaHoldsTheLockAndTheSharedCacheTimesOutThenMintedAfterTheLockWait() {
		TokenCache timingOut = new TokenCache() {

			@Override
			public Mono<MintedToken> get(TokenKey key) {
				return Mono.delay(Duration.ofSeconds(1)).then(Mono.empty());
			}

			@Override
			public Mono<Void> put(TokenKey key, MintedToken token, Duration timeToLive) {
				return Mono.delay(Duration.ofSeconds(1)).then();
			}

			@Override
			public Mono<Void> evict(TokenKey key) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> evictOwner(String owner) {
				return Mono.empty();
			}

		};
		MintLock heldElsewhere = (key, timeToLive) -> Mono.empty();
		StepVerifier
			.withVirtualTime(
					() -> new TokenServiceFactory(100, timingOut, heldElsewhere, new TokenCacheStatus(this.clock),
							TokenMetrics.NONE, this.clock)
						.create(Duration.ofSeconds(30), Duration.ofSeconds(60))
						.token(this.key, this::mint))
			.thenAwait(Duration.ofSeconds(1 + 3 + 1))
			.assertNext((token) -> assertThat(token.value()).isEqualTo("token-1"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void tokenWhenMintedTokenHasNoExpiryThenNotCached() {
		TokenService service = service(null, new TokenCacheStatus(this.clock));
		service.token(this.key, () -> Mono.just(new MintedToken("no-expiry-" + this.mints.incrementAndGet(), null)))
			.block();
		service.token(this.key, () -> Mono.just(new MintedToken("no-expiry-" + this.mints.incrementAndGet(), null)))
			.block();
		assertThat(this.mints).hasValue(2);
	}

	private Mono<MintedToken> mint() {
		return Mono.fromSupplier(
				() -> new MintedToken("token-" + this.mints.incrementAndGet(), this.clock.instant().plusSeconds(300)));
	}

	private TokenService service(TokenCache shared, TokenCacheStatus status) {
		return new TokenServiceFactory(100, shared, null, status, TokenMetrics.NONE, this.clock)
			.create(Duration.ofSeconds(30), Duration.ofSeconds(60));
	}

}
