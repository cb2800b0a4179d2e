package io.edgegateway.app.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * The used logout tokens of a gateway without Redis, in its memory, each until it
 * expires. Logout tokens are few (one per provider logout, signed by the provider), so
 * the expired ones are dropped whenever a token is recorded.
 */
final class InMemoryUsedLogoutTokens implements UsedLogoutTokens {

	private final Map<String, Instant> used = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemoryUsedLogoutTokens(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> use(String issuer, String jti, Duration lifetime) {
		return Mono.fromSupplier(() -> {
			Instant now = this.clock.instant();
			this.used.values().removeIf(now::isAfter);
			return this.used.putIfAbsent(key(issuer, jti), now.plus(lifetime)) == null;
		});
	}

	@Override
	public Mono<Void> forget(String issuer, String jti) {
		return Mono.fromRunnable(() -> this.used.remove(key(issuer, jti)));
	}

	private static String key(String issuer, String jti) {
		return SessionKeys.hash(issuer + "|" + jti);
	}

}
