package io.edgegateway.filters.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.filters.credential.resilience.IdpConcurrencyLimits;
import io.edgegateway.filters.token.MintedToken;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdpConcurrencyLimitsTests {

	private static final CredentialSpec SPEC = CredentialSpec
		.builder("orders", CredentialMode.TOKEN_EXCHANGE, "idp-exchange")
		.audience("orders-api")
		.build();

	private static final CredentialSpec OTHER_REGISTRATION = CredentialSpec
		.builder("reports", CredentialMode.SERVICE_ACCOUNT, "reports-sa")
		.build();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	@Test
	void aBurstOfMintsReachesTheProviderAtMostTheLimitAtATime() {
		IdpConcurrencyLimits limits = new IdpConcurrencyLimits(4, Duration.ofSeconds(5));
		List<MintedToken> tokens = Flux.range(0, 100)
			.flatMap((i) -> limits.limit(SPEC.requireRegistration(), SPEC, mint(Duration.ofMillis(5))), 100)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(tokens).hasSize(100);
		assertThat(this.mostInFlight).hasValue(4);
	}

	@Test
	void eachRegistrationHasPlacesOfItsOwn() {
		IdpConcurrencyLimits limits = new IdpConcurrencyLimits(1, Duration.ofSeconds(5));
		Flux.merge(limits.limit(SPEC.requireRegistration(), SPEC, mint(Duration.ofMillis(100))), limits
			.limit(OTHER_REGISTRATION.requireRegistration(), OTHER_REGISTRATION, mint(Duration.ofMillis(100))))
			.blockLast(Duration.ofSeconds(5));
		assertThat(this.mostInFlight).hasValue(2);
	}

	@Test
	void aMintThatWaitsLongerThanTheTimeoutIsBusyAndNeverReachesTheProvider() {
		IdpConcurrencyLimits limits = new IdpConcurrencyLimits(1, Duration.ofMillis(100));
		AtomicInteger started = new AtomicInteger();
		Mono<MintedToken> slow = mint(Duration.ofMillis(500));
		Mono<MintedToken> queued = Mono.defer(() -> {
			started.incrementAndGet();
			return mint(Duration.ZERO);
		});
		StepVerifier
			.create(Flux.merge(limits.limit(SPEC.requireRegistration(), SPEC, slow),
					limits.limit(SPEC.requireRegistration(), SPEC, queued))
				.then())
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(CredentialException.class).hasMessageContaining("waited 100 ms");
				assertThat(((CredentialException) ex).getReason()).isEqualTo(CredentialException.Reason.UNAVAILABLE);
				assertThat(((CredentialException) ex).getErrorCode()).isEqualTo("idp_busy");
			})
			.verify(Duration.ofSeconds(5));
		assertThat(started).hasValue(0);
	}

	@Test
	void placesOfAbandonedAndFailedMintsAreGivenBack() {
		IdpConcurrencyLimits limits = new IdpConcurrencyLimits(2, Duration.ofMillis(50));
		for (int i = 0; i < 20; i++) {
			Flux.range(0, 6)
				.flatMap((n) -> limits
					.limit(SPEC.requireRegistration(), SPEC,
							(n % 2 == 0) ? mint(Duration.ofMillis(80))
									: Mono.<MintedToken>error(new IllegalStateException("refused")))
					.onErrorResume((ex) -> Mono.empty()))
				.blockLast(Duration.ofSeconds(5));
			limits.limit(SPEC.requireRegistration(), SPEC, mint(Duration.ofMillis(200))).subscribe().dispose();
		}
		this.mostInFlight.set(0);
		Flux.merge(limits.limit(SPEC.requireRegistration(), SPEC, mint(Duration.ofMillis(20))),
				limits.limit(SPEC.requireRegistration(), SPEC, mint(Duration.ofMillis(20))))
			.blockLast(Duration.ofSeconds(5));
		assertThat(this.mostInFlight).as("both places free again").hasValue(2);
	}

	@Test
	void theLimitMustAllowAtLeastOneMint() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdpConcurrencyLimits(0, Duration.ofSeconds(5)))
			.withMessage("edge.credentials.max-concurrent-mints must be at least 1, not 0");
	}

	private Mono<MintedToken> mint(Duration duration) {
		return Mono.defer(() -> {
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			return Mono.delay(duration)
				.map((tick) -> new MintedToken("token", Instant.now().plusSeconds(300)))
				.doOnTerminate(this.inFlight::decrementAndGet)
				.doOnCancel(this.inFlight::decrementAndGet);
		});
	}

}
