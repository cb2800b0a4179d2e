package io.edgegateway.filters.tracing;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.util.Assert;

/**
 * Child spans around a step of a request's work (a token cache lookup, a mint), each a
 * child of the observation in the subscriber's Reactor context (the request's span, or
 * the step around it) and the parent of what runs inside (the identity provider's HTTP
 * call). Each span ends with {@code edge.result}: {@code value} (a token was found or
 * minted), {@code empty} (a cache miss), {@code error} or {@code cancelled}. Off
 * ({@link #off()}), the work is returned as it is: nothing is added to the request's way.
 */
public final class Spans {

	/**
	 * The tag every span of this class ends with.
	 */
	public static final String RESULT = "edge.result";

	private static final Spans OFF = new Spans(ObservationRegistry.NOOP);

	private final ObservationRegistry registry;

	private Spans(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Spans recorded in a registry.
	 * @param registry the registry (the application's, with the tracing handlers)
	 * @return the spans
	 */
	public static Spans of(ObservationRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		return registry.isNoop() ? OFF : new Spans(registry);
	}

	/**
	 * No spans.
	 * @return spans that leave the work as it is
	 */
	public static Spans off() {
		return OFF;
	}

	/**
	 * The work, inside a span of its own.
	 * @param <T> the work's value
	 * @param name the span's name, e.g. {@code edge.token.mint}
	 * @param tags the span's tags
	 * @param work the work
	 * @return the work, observed when subscribed to
	 */
	public <T> Mono<T> around(String name, KeyValues tags, Mono<T> work) {
		if (this == OFF) {
			return work;
		}
		return Mono.deferContextual((context) -> {
			Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			Observation observation = Observation.createNotStarted(name, this.registry)
				.lowCardinalityKeyValues(tags)
				.parentObservation(parent)
				.start();
			AtomicBoolean found = new AtomicBoolean();
			return work.doOnNext((value) -> found.set(true))
				.doOnError(observation::error)
				.doFinally((signal) -> stop(observation, signal, found.get()))
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static void stop(Observation observation, SignalType signal, boolean found) {
		String result = switch (signal) {
			case ON_ERROR -> "error";
			case CANCEL -> found ? "value" : "cancelled";
			default -> found ? "value" : "empty";
		};
		observation.lowCardinalityKeyValue(RESULT, result);
		observation.stop();
	}

}
