package io.edgegateway.filters.access;

import java.util.List;

import io.edgegateway.filters.user.SignedInUser;

/**
 * A route's user signed in, but not recently or strongly enough
 * ({@link StepUpRequirement}): a browser is sent to sign in again with what the route
 * asks of the sign-in, a bearer client is told what its token lacks (RFC 9470). When the
 * user already came back from such a sign-in and the provider still did not deliver,
 * {@link #isRetryFutile()}: asking again would only loop.
 */
public class StepUpRequiredException extends RuntimeException {

	private final String routeId;

	private final StepUpRequirement requirement;

	private final boolean retryFutile;

	private final SignedInUser.Kind userKind;

	/**
	 * Create the exception.
	 * @param routeId the route
	 * @param requirement what the route asks of the sign-in
	 * @param unmet the conditions the user's sign-in does not meet
	 * @param retryFutile whether the user already signed in again for it, in vain
	 * @param userKind how the user authenticated: a browser session signs in again, a
	 * bearer client gets a new token
	 */
	public StepUpRequiredException(String routeId, StepUpRequirement requirement, List<String> unmet,
			boolean retryFutile, SignedInUser.Kind userKind) {
		super("Route '" + routeId + "' requires " + String.join(", ", unmet)
				+ (retryFutile ? "; the identity provider's new sign-in did not provide it" : ""));
		this.routeId = routeId;
		this.requirement = requirement;
		this.retryFutile = retryFutile;
		this.userKind = userKind;
	}

	public String getRouteId() {
		return this.routeId;
	}

	public StepUpRequirement getRequirement() {
		return this.requirement;
	}

	public boolean isRetryFutile() {
		return this.retryFutile;
	}

	public SignedInUser.Kind getUserKind() {
		return this.userKind;
	}

}
