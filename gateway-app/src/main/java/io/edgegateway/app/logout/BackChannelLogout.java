package io.edgegateway.app.logout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.edgegateway.app.session.SessionRevocation;
import io.edgegateway.app.session.UsedLogoutTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * Carries out a verified back-channel logout: refuses a token whose {@code jti} was used
 * before on any replica ({@link UsedLogoutTokens}), then ends the sessions it names on
 * every replica through {@link SessionRevocation}: those signed in under the provider
 * session {@code sid} (of the user {@code sub}, when it names one too), or, when it names
 * only {@code sub}, every session of that user at that provider. A token without
 * {@code exp} is accepted for {@value #MAX_AGE_MINUTES} minutes after its {@code iat}; a
 * {@code jti} is remembered as long as its token would be accepted.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCActions">OpenID Connect
 * Back-Channel Logout 1.0, section 2.7</a>
 */
final class BackChannelLogout {

	/**
	 * The reason the audit events give.
	 */
	static final String REASON = "backchannel_logout";

	private static final long MAX_AGE_MINUTES = 5;

	private static final Duration MAX_AGE = Duration.ofMinutes(MAX_AGE_MINUTES);

	/**
	 * The clock skew Spring Security's timestamp validator allows past {@code exp}.
	 */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final Log logger = LogFactory.getLog(BackChannelLogout.class);

	private final SessionRevocation revocation;

	private final UsedLogoutTokens used;

	private final Clock clock;

	BackChannelLogout(SessionRevocation revocation, UsedLogoutTokens used, Clock clock) {
		this.revocation = revocation;
		this.used = used;
		this.clock = clock;
	}

	/**
	 * End the sessions a logout token names.
	 * @param token the verified logout token
	 * @param requestId the request that carried it
	 * @return how many sessions ended; an {@link InvalidLogoutTokenException} for a
	 * replayed or stale token, which changed nothing
	 */
	Mono<Long> logout(OidcLogoutToken token, @Nullable String requestId) {
		String issuer = token.getIssuer().toExternalForm();
		String jti = token.getId();
		Instant expiresAt = token.getClaimAsInstant(JwtClaimNames.EXP);
		Instant until = ((expiresAt != null) ? expiresAt : token.getIssuedAt().plus(MAX_AGE)).plus(CLOCK_SKEW);
		Duration lifetime = Duration.between(this.clock.instant(), until);
		if (expiresAt == null && lifetime.isNegative()) {
			return Mono.error(new InvalidLogoutTokenException(
					"iat is more than " + MAX_AGE_MINUTES + " minutes ago and the token has no exp"));
		}
		return this.used.use(issuer, jti, max(lifetime, Duration.ofSeconds(1))).flatMap((first) -> {
			if (!first) {
				return Mono.error(new InvalidLogoutTokenException(
						"jti '" + jti + "' was used before: a logout token is accepted once"));
			}
			return end(token, issuer, requestId)
				.onErrorResume((ex) -> this.used.forget(issuer, jti).then(Mono.error(ex)));
		});
	}

	private Mono<Long> end(OidcLogoutToken token, String issuer, @Nullable String requestId) {
		String sid = token.getSessionId();
		Mono<Long> ended = (sid != null)
				? this.revocation.revokeProviderSession(issuer, sid, token.getSubject(),
						SessionRevocation.Actor.PROVIDER, REASON, requestId)
				: this.revocation.revokeAll(issuer, token.getSubject(), SessionRevocation.Actor.PROVIDER, REASON,
						requestId);
		return ended.doOnNext((count) -> logger.debug("Back-channel logout of " + issuer + " by "
				+ ((sid != null) ? "sid" : "sub") + " ended " + count + " session(s)"));
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
