package io.edgegateway.app.bearer;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.app.web.DependencyUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The identity provider's JWK set, as the bearer token decoder asks for it: the keys that
 * match a token's header, from the set fetched last.
 * <p>
 * A token naming a key the set does not hold makes the gateway fetch the set again, so a
 * provider's key rotation is picked up at once, but at most once per cooldown: within it,
 * the token is refused without a fetch. Spring Security's own remote JWK source fetches
 * for every such token, so a flood of tokens with random {@code kid}s became a flood of
 * requests to the provider and slowed every valid user down. A set older than its maximum
 * age is fetched again (when the cooldown allows), so keys the provider stopped
 * publishing stop verifying. A failed fetch keeps the previous set and counts as a fetch
 * for the cooldown. Concurrent fetches are one: a token that arrives while a fetch is in
 * flight waits for it. Without any set, a token gets {@code 503} (the provider's keys are
 * unavailable), never {@code 500}.
 */
public final class JwkSetSource implements Function<SignedJWT, Flux<JWK>> {

	private static final Log logger = LogFactory.getLog(JwkSetSource.class);

	private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

	private final Supplier<Mono<String>> jwkSetUri;

	private final WebClient webClient;

	private final Duration cooldown;

	private final Duration maxAge;

	private final Clock clock;

	private final AtomicReference<@Nullable Snapshot> current = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<Snapshot>> inFlight = new AtomicReference<>();

	private volatile Instant lastAttempt = Instant.MIN;

	/**
	 * Create a source.
	 * @param jwkSetUri where the set is fetched from, resolved when first needed
	 * @param webClient the client that fetches it
	 * @param cooldown the shortest time between two fetches
	 * @param maxAge how long a fetched set is used before it is fetched again
	 * @param clock the clock
	 */
	public JwkSetSource(Supplier<Mono<String>> jwkSetUri, WebClient webClient, Duration cooldown, Duration maxAge,
			Clock clock) {
		Assert.isTrue(!cooldown.isZero() && !cooldown.isNegative(), "cooldown must be positive");
		this.jwkSetUri = jwkSetUri;
		this.webClient = webClient;
		this.cooldown = cooldown;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	@Override
	public Flux<JWK> apply(SignedJWT jwt) {
		JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
		return usableSet().flatMapMany((snapshot) -> {
			List<JWK> keys = selector.select(snapshot.keys());
			if (!keys.isEmpty() || !mayFetchOrJoin()) {
				return Flux.fromIterable(keys);
			}
			return fetch().flatMapIterable((fresh) -> selector.select(fresh.keys()));
		});
	}

	/**
	 * The set to select from: the last one fetched, fetched again first when it is older
	 * than its maximum age and the cooldown allows, or fetched for the first time.
	 */
	private Mono<Snapshot> usableSet() {
		Snapshot snapshot = this.current.get();
		if (snapshot == null) {
			return mayFetchOrJoin() ? fetch().onErrorMap(JwkSetSource::unavailable)
					: Mono.error(() -> unavailable(null));
		}
		if (snapshot.fetchedAt().plus(this.maxAge).isBefore(this.clock.instant()) && mayFetch()) {
			return fetch().onErrorReturn(snapshot);
		}
		return Mono.just(snapshot);
	}

	private static DependencyUnavailableException unavailable(@Nullable Throwable cause) {
		return new DependencyUnavailableException("idp_keys_unavailable",
				"The identity provider's keys (JWK set) could not be fetched to verify the bearer token; "
						+ "next attempt after the cooldown",
				cause);
	}

	/**
	 * Whether {@link #fetch()} would give a set: the cooldown allows a new fetch, or one
	 * is in flight to wait for.
	 */
	private boolean mayFetchOrJoin() {
		return this.inFlight.get() != null || mayFetch();
	}

	private boolean mayFetch() {
		return !this.clock.instant().isBefore(this.lastAttempt.plus(this.cooldown));
	}

	/**
	 * One fetch at a time: callers that arrive while a fetch is in flight share it.
	 */
	private Mono<Snapshot> fetch() {
		Mono<Snapshot> running = this.inFlight.get();
		if (running != null) {
			return running;
		}
		Mono<Snapshot> fetch = Mono.defer(() -> {
			this.lastAttempt = this.clock.instant();
			return this.jwkSetUri.get()
				.flatMap((uri) -> this.webClient.get().uri(uri).retrieve().bodyToMono(String.class))
				.timeout(FETCH_TIMEOUT)
				.map(this::parse);
		})
			.doOnNext(this.current::set)
			.doOnError((ex) -> logger.warn("Fetching the identity provider's JWK set failed: " + ex))
			.doFinally((signal) -> this.inFlight.set(null))
			.cache();
		return this.inFlight.compareAndSet(null, fetch) ? fetch : fetch();
	}

	private Snapshot parse(String body) {
		try {
			return new Snapshot(JWKSet.parse(body), this.clock.instant());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The identity provider's JWK set is not a JWK set: " + ex.getMessage(), ex);
		}
	}

	private record Snapshot(JWKSet keys, Instant fetchedAt) {
	}

}
