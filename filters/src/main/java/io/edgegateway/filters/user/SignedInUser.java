package io.edgegateway.filters.user;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user of a request, resolved once ({@link SignedInUserWebFilter}) and read
 * by every filter: the authentication, the identity claims the gateway passes on, and
 * whether the user came with a browser session or a bearer token.
 *
 * @param authentication the authenticated principal
 * @param claims the identity claims
 * @param kind session or bearer
 * @param tokenOwner for a browser session, the opaque id the tokens minted for this
 * session are kept under, so that they end with it; {@code null} for a bearer client
 * (whose minted tokens belong to the user) and a session signed in before sessions had
 * one
 */
public record SignedInUser(Authentication authentication, IdentityClaims claims, Kind kind,
		@Nullable String tokenOwner) {

	/**
	 * Exchange attribute that holds the request's user, as a {@code Mono<SignedInUser>}
	 * resolved at most once, when first asked for.
	 */
	public static final String ATTRIBUTE = SignedInUser.class.getName();

	public SignedInUser {
		Assert.notNull(authentication, "authentication cannot be null");
		Assert.notNull(claims, "claims cannot be null");
		Assert.notNull(kind, "kind cannot be null");
	}

	/**
	 * A user whose minted tokens belong to the user.
	 * @param authentication the authenticated principal
	 * @param claims the identity claims
	 * @param kind session or bearer
	 */
	public SignedInUser(Authentication authentication, IdentityClaims claims, Kind kind) {
		this(authentication, claims, kind, null);
	}

	/**
	 * This user, with the tokens minted for it kept under a session's token owner.
	 * @param tokenOwner the session's token owner
	 * @return the user
	 */
	public SignedInUser withTokenOwner(String tokenOwner) {
		Assert.hasText(tokenOwner, "tokenOwner cannot be empty");
		return new SignedInUser(this.authentication, this.claims, this.kind, tokenOwner);
	}

	/**
	 * The request's signed-in user.
	 * @param exchange the exchange
	 * @return the user, empty when the request has none
	 * @throws IllegalStateException if the user was never resolved
	 * ({@link SignedInUserWebFilter} is not installed)
	 */
	public static Mono<SignedInUser> of(ServerWebExchange exchange) {
		Mono<SignedInUser> user = exchange.getAttribute(ATTRIBUTE);
		if (user == null) {
			return Mono.error(new IllegalStateException(
					"No signed-in user on the exchange: is SignedInUserWebFilter " + "installed?"));
		}
		return user;
	}

	/**
	 * The user's id.
	 * @return the subject
	 */
	public String subject() {
		return this.claims.subject();
	}

	@Override
	public String toString() {
		return "SignedInUser[" + this.kind + ", " + this.claims.subject() + "]";
	}

	/**
	 * How the user authenticated this request.
	 */
	public enum Kind {

		/**
		 * A browser session, signed in with OIDC: the user's tokens are in the session.
		 */
		SESSION,

		/**
		 * An API client's bearer token, validated by the gateway: the token is the
		 * user's.
		 */
		BEARER

	}

}
