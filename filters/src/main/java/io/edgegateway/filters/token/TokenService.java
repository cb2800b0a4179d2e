package io.edgegateway.filters.token;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.edgegateway.filters.tracing.Spans;
import io.micrometer.common.KeyValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Every minted token goes through here: looked up in memory, then in the shared cache
 * ({@link TieredTokenCache}); else minted once per key, in this replica
 * ({@link SingleFlight}) and across replicas ({@link ReplicaMint}), and stored at both
 * levels. A token close to expiry is served once more while a new one is minted in the
 * background for the next caller ({@link RefreshAhead}). Built by the
 * {@link TokenServiceFactory}. When requests are traced, the lookup
 * ({@value #LOOKUP_SPAN}) and the mint ({@value #MINT_SPAN}, the parent of the identity
 * provider's HTTP call) are spans of their own.
 */
public final class TokenService {

	/**
	 * The span of a lookup in memory, then in the shared cache.
	 */
	public static final String LOOKUP_SPAN = "edge.token.lookup";

	/**
	 * The span of a mint (one per key however many wait for it), and of its storing.
	 */
	public static final String MINT_SPAN = "edge.token.mint";

	private static final Log logger = LogFactory.getLog(TokenService.class);

	private static final Map<TokenKind, KeyValues> SPAN_TAGS = new EnumMap<>(TokenKind.class);

	static {
		for (TokenKind kind : TokenKind.values()) {
			SPAN_TAGS.put(kind, KeyValues.of("edge.token.kind", kind.name()));
		}
	}

	private final TieredTokenCache cache;

	private final SingleFlight flights;

	private final ReplicaMint replicas;

	private final RefreshAhead refreshAhead;

	private final TokenMetrics metrics;

	private final Spans spans;

	TokenService(TieredTokenCache cache, SingleFlight flights, ReplicaMint replicas, RefreshAhead refreshAhead,
			TokenMetrics metrics, Spans spans) {
		this.cache = cache;
		this.flights = flights;
		this.replicas = replicas;
		this.refreshAhead = refreshAhead;
		this.metrics = metrics;
		this.spans = spans;
	}

	/**
	 * The token for a key: cached, or minted once however many ask at the same time.
	 * @param key the key
	 * @param mint how to mint it
	 * @return the token
	 */
	public Mono<MintedToken> token(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return Mono
			.deferContextual(
					(context) -> this.spans.around(LOOKUP_SPAN, SPAN_TAGS.get(key.kind()), this.cache.get(key))
						.doOnNext((token) -> refreshIfDue(key, token, mint, context))
						.switchIfEmpty(Mono.defer(() -> this.flights.run(key,
								() -> this.replicas.mint(key, () -> mintAndStore(key, mint)),
								() -> this.metrics.joined(key.kind())))));
	}

	/**
	 * Forget a key's token at both levels, e.g. after the upstream rejected it.
	 * @param key the key
	 * @return completion
	 */
	public Mono<Void> evict(TokenKey key) {
		return this.cache.evict(key);
	}

	/**
	 * Forget every token minted for a user (a bearer client's, and a session's signed in
	 * before sessions had a token owner), at both levels.
	 * @param subject the user's subject
	 * @return completion
	 */
	public Mono<Void> evictUser(String subject) {
		return this.cache.evictOwner(TokenKey.owner(subject));
	}

	/**
	 * Forget every token minted for one browser session, at both levels (its logout or
	 * revocation).
	 * @param session the session's token owner
	 * @return completion
	 */
	public Mono<Void> evictSession(String session) {
		return this.cache.evictOwner(TokenKey.sessionOwner(session));
	}

	/**
	 * Forget a user's tokens in this replica's memory only, when another replica
	 * announces a logout.
	 * @param owner the user, as {@link TokenKey#owner(String)}
	 * @return completion
	 */
	public Mono<Void> evictLocalOwner(String owner) {
		return this.cache.evictLocalOwner(owner);
	}

	private Mono<MintedToken> mintAndStore(TokenKey key, Supplier<Mono<MintedToken>> mint) {
		return this.spans.around(MINT_SPAN, SPAN_TAGS.get(key.kind()), Mono.defer(() -> {
			long start = System.nanoTime();
			return mint.get()
				.doOnSuccess((token) -> this.metrics.minted(key.kind(), token != null, since(start)))
				.doOnError((ex) -> this.metrics.minted(key.kind(), false, since(start)))
				.flatMap((token) -> this.cache.put(key, token).thenReturn(token));
		}));
	}

	private void refreshIfDue(TokenKey key, MintedToken token, Supplier<Mono<MintedToken>> mint, ContextView context) {
		if (this.refreshAhead.isDue(token) && !this.flights.isRunning(key)) {
			this.flights.run(key, () -> mintAndStore(key, mint))
				.contextWrite(context)
				.subscribe(null, (ex) -> logger.warn("Refreshing " + key + " ahead of expiry failed: " + ex));
		}
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
