package io.edgegateway.app.session;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;

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
 * @param tokenOwner an opaque random id, chosen at sign-in, under which the tokens minted
 * for this session are kept, so that ending the session forgets them and no others;
 * {@code null} in a session signed in before sessions had one (its tokens are the user's)
 */
public record SessionDetails(String issuer, String subject, @Nullable String sid, String userId,
		@Nullable String clientAddress, @Nullable String userAgent,
		@Nullable String tokenOwner) implements Serializable {

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

	private static final SecureRandom random = new SecureRandom();

	public SessionDetails {
		Assert.hasText(issuer, "issuer cannot be empty");
		Assert.hasText(subject, "subject cannot be empty");
		Assert.hasText(userId, "userId cannot be empty");
		if (userAgent != null && userAgent.length() > USER_AGENT_LENGTH) {
			userAgent = userAgent.substring(0, USER_AGENT_LENGTH);
		}
	}

	/**
	 * The details of a session being signed in, with a new token owner.
	 * @param issuer the identity provider that signed the user in
	 * @param subject the provider's {@code sub} for the user
	 * @param sid the provider's session id, if it sent one
	 * @param userId the user as the gateway names it
	 * @param clientAddress the client's address
	 * @param userAgent the client's {@code User-Agent}
	 * @return the details
	 */
	public static SessionDetails signIn(String issuer, String subject, @Nullable String sid, String userId,
			@Nullable String clientAddress, @Nullable String userAgent) {
		byte[] tokenOwner = new byte[16];
		random.nextBytes(tokenOwner);
		return new SessionDetails(issuer, subject, sid, userId, clientAddress, userAgent,
				Base64.getUrlEncoder().withoutPadding().encodeToString(tokenOwner));
	}

}
