package io.edgegateway.app.session;

import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Who a browser session belongs to and where it was signed in from, kept in the session
 * at sign-in so that an operator can list and revoke a user's sessions and a provider's
 * logout can find them ({@link UserSessions}). Holds no token.
 *
 * @param issuer the identity provider that signed the user in
 * @param subject the provider's {@code sub} for the user
 * @param sid the provider's session id ({@code sid} in the ID token), if it sent one
 * @param userId the user as the gateway names it to upstreams and in its token cache
 * ({@code edge.identity.claims.user-id}, {@code sub} by default)
 * @param clientAddress the client's address as the gateway saw it, after trusted-proxy
 * handling
 * @param userAgent the client's {@code User-Agent}, truncated
 */
public record SessionDetails(String issuer, String subject, @Nullable String sid, String userId,
		@Nullable String clientAddress, @Nullable String userAgent) implements Serializable {

	/**
	 * The session attribute the details are kept under.
	 */
	public static final String ATTRIBUTE = SessionDetails.class.getName();

	/**
	 * How much of the {@code User-Agent} is kept.
	 */
	public static final int USER_AGENT_LENGTH = 200;

	@Serial
	private static final long serialVersionUID = 1L;

	public SessionDetails {
		Assert.hasText(issuer, "issuer cannot be empty");
		Assert.hasText(subject, "subject cannot be empty");
		Assert.hasText(userId, "userId cannot be empty");
		if (userAgent != null && userAgent.length() > USER_AGENT_LENGTH) {
			userAgent = userAgent.substring(0, USER_AGENT_LENGTH);
		}
	}

}
