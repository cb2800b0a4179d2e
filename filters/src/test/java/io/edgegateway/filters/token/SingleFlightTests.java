package io.edgegateway.filters.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class SingleFlightTests {

	private final SingleFlight flights = new SingleFlight();

	@Test
	void runWhen500ConcurrentCallersOfOneKeyThenOneMintSharedByAll() {
		AtomicInteger mints = new AtomicInteger();
		TokenKey key = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "reports-sa").build();
		List<MintedToken> tokens = Flux.range(0, 500)
			.flatMap((i) -> this.flights
				.run(key,
						() -> Mono.fromSupplier(() -> token("t" + mints.incrementAndGet()))
							.delayElement(Duration.ofMillis(200)))
				.subscribeOn(Schedulers.parallel()), 500)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(mints).hasValue(1);
		assertThat(tokens).hasSize(500).allMatch((token) -> token.value().equals("t1"));
		assertThat(this.flights.isRunning(key)).isFalse();
	}

	@Test
	void runWhenKeysDifferThenEachMintsItsOwn() {
		AtomicInteger mints = new AtomicInteger();
		List<MintedToken> tokens = Flux.range(0, 4)
			.flatMap((i) -> this.flights.run(
					TokenKey.builder(TokenKind.TOKEN_EXCHANGE, "idp").subject("user" + i).build(),
					() -> Mono.fromSupplier(() -> token("t" + mints.incrementAndGet()))
						.delayElement(Duration.ofMillis(50))))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(mints).hasValue(4);
		assertThat(tokens).extracting(MintedToken::value).doesNotHaveDuplicates();
	}

	@Test
	void runWhenMintFailsThenNextCallerMintsAgain() {
		AtomicInteger attempts = new AtomicInteger();
		TokenKey key = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "reports-sa").build();
		Mono<MintedToken> failing = this.flights.run(key, () -> {
			attempts.incrementAndGet();
			return Mono.error(new IllegalStateException("idp down"));
		});
		assertThat(failing.onErrorResume((ex) -> Mono.empty()).block()).isNull();
		MintedToken token = this.flights.run(key, () -> {
			attempts.incrementAndGet();
			return Mono.just(token("second"));
		}).block();
		assertThat(token.value()).isEqualTo("second");
		assertThat(attempts).hasValue(2);
	}

	private static MintedToken token(String value) {
		return new MintedToken(value, Instant.now().plusSeconds(300));
	}

}
