package io.edgegateway.filters.token;

import java.time.Duration;

/**
 * What the token service reports as it works; the application binds it to its meter
 * registry. Every method has a do-nothing default, so a service without metrics needs
 * nothing.
 */
public interface TokenMetrics {

	/**
	 * Metrics that go nowhere.
	 */
	TokenMetrics NONE = new TokenMetrics() {
	};

	/**
	 * A cache level was asked for a token.
	 * @param level the level asked
	 * @param hit whether it had one that could be served
	 * @param kind the key's kind
	 */
	default void lookup(CacheLevel level, boolean hit, TokenKind kind) {
	}

	/**
	 * A request joined a mint already running for its key instead of starting one.
	 * @param kind the key's kind
	 */
	default void joined(TokenKind kind) {
	}

	/**
	 * A mint ended.
	 * @param kind the key's kind
	 * @param success whether it produced a token
	 * @param duration how long it took
	 */
	default void minted(TokenKind kind, boolean success, Duration duration) {
	}

	/**
	 * The shared cache (Redis) failed an operation.
	 */
	default void sharedCacheFailed() {
	}

}
