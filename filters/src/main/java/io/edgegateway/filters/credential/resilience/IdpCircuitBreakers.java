package io.edgegateway.filters.credential.resilience;

import java.time.Clock;

import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.token.MintedToken;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

/**
 * A circuit breaker per client registration in front of the identity provider: when its
 * calls keep failing (unreachable, timing out, answering garbage), further mints fail
 * fast with {@code 503} for a while instead of each waiting for the timeout, then a few
 * calls probe whether it is back. Refusals ({@code invalid_scope}, {@code invalid_grant},
 * ...) are answers, not failures, and never open it.
 */
public final class IdpCircuitBreakers {

	private final CircuitBreakerRegistry registry;

	public IdpCircuitBreakers(CredentialsProperties.CircuitBreaker properties, Clock clock) {
		this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.clock(clock)
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.getSlidingWindowSize())
			.minimumNumberOfCalls(properties.getMinimumNumberOfCalls())
			.failureRateThreshold(properties.getFailureRateThreshold())
			.waitDurationInOpenState(properties.getWaitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.getPermittedCallsInHalfOpenState())
			.recordException(IdpCircuitBreakers::isProviderFailure)
			.build());
	}

	/**
	 * Guard a mint with the breaker of the registration that mints it.
	 * @param registration the registration the identity provider is called for
	 * @param spec the route's spec, for the error
	 * @param mint the mint, already translated to {@link CredentialException}s
	 * @return the guarded mint; while the breaker is open a {@link CredentialException}
	 * ({@code idp_circuit_open})
	 */
	public Mono<MintedToken> guard(String registration, CredentialSpec spec, Mono<MintedToken> mint) {
		CircuitBreaker breaker = this.registry.circuitBreaker(registration);
		return mint.transformDeferred(CircuitBreakerOperator.of(breaker))
			.onErrorMap(CallNotPermittedException.class,
					(ex) -> new CredentialException(CredentialException.Reason.UNAVAILABLE, spec.routeId(),
							spec.registration(), spec.mode(), "idp_circuit_open",
							"The identity provider keeps failing; not calling it for a while", ex));
	}

	/**
	 * The breakers, for metrics.
	 * @return the registry
	 */
	public CircuitBreakerRegistry registry() {
		return this.registry;
	}

	private static boolean isProviderFailure(Throwable ex) {
		return ex instanceof CredentialException failure
				&& failure.getReason() == CredentialException.Reason.UNAVAILABLE;
	}

}
