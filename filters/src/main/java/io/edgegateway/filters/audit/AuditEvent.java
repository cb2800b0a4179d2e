package io.edgegateway.filters.audit;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One proxied request, as the audit log records it. Carries a token fingerprint at most,
 * never a token.
 *
 * @param time when the request arrived
 * @param requestId the request id, also on the response and upstream
 * @param traceId the request's trace id, when requests are traced
 * @param routeId the route
 * @param userId the signed-in user, if any
 * @param tenant the user's tenant, if any
 * @param issuer the identity provider that signed the user in, if any
 * @param credentialMode the route's credential mode, if a credential was issued or
 * attempted
 * @param registration the client registration or service account, if any
 * @param audience the requested audience, if any
 * @param tokenFingerprint the fingerprint of the token sent upstream, if one was
 * @param upstreamStatus the upstream's status, if it answered
 * @param latencyMs the time from arrival to completion
 * @param outcome what became of the request
 * @param error the error code or refused rule, if not allowed
 */
public record AuditEvent(Instant time, String requestId, @Nullable String traceId, String routeId,
		@Nullable String userId, @Nullable String tenant, @Nullable String issuer, @Nullable String credentialMode,
		@Nullable String registration, @Nullable String audience, @Nullable String tokenFingerprint,
		@Nullable Integer upstreamStatus, long latencyMs, Outcome outcome, @Nullable String error) {

	/**
	 * What became of a request.
	 */
	public enum Outcome {

		/**
		 * Sent upstream, which answered below 500.
		 */
		ALLOWED,

		/**
		 * Refused by the route's access rule.
		 */
		DENIED,

		/**
		 * The route's credential could not be obtained.
		 */
		TOKEN_ERROR,

		/**
		 * The route asks for a stronger or more recent sign-in than the user's
		 * ({@code StepUp}): sent to sign in again ({@code step_up_required}), or refused
		 * because the provider's new sign-in still fell short
		 * ({@code insufficient_user_authentication}).
		 */
		STEP_UP,

		/**
		 * The upstream failed: no connection, or a 5xx answer.
		 */
		UPSTREAM_ERROR;

		/**
		 * The outcome as written in events: {@code allowed}, {@code denied},
		 * {@code token_error}, {@code step_up}, {@code upstream_error}.
		 * @return the name
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
