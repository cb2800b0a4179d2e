package io.edgegateway.app.session;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The back-channel logout tokens already used, by issuer and {@code jti}, remembered for
 * the token's lifetime on every replica, so that a logout token replayed to any replica
 * is refused: in Redis when Redis is configured, in this replica's memory otherwise.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation">OpenID
 * Connect Back-Channel Logout 1.0, section 2.6</a>
 */
public interface UsedLogoutTokens {

	/**
	 * Record a logout token's use, unless it was used before.
	 * @param issuer the token's {@code iss}
	 * @param jti the token's {@code jti}
	 * @param lifetime how long to remember it: until the token expires
	 * @return {@code true} for the first use, {@code false} for a replay
	 */
	Mono<Boolean> use(String issuer, String jti, Duration lifetime);

	/**
	 * Forget a use, so that a logout that could not be carried out (Redis unavailable)
	 * can be sent again by the provider.
	 * @param issuer the token's {@code iss}
	 * @param jti the token's {@code jti}
	 * @return completion
	 */
	Mono<Void> forget(String issuer, String jti);

}
