package io.edgegateway.filters.user;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.Assert;

/**
 * The signed-in user's own tokens, and the one place that tells a session user from a
 * bearer user: for a browser session from the authorized client manager, which refreshes
 * the access token with the refresh token when it has expired (and saves the result in
 * the session); for a bearer client the token it presented, already validated by the
 * resource server.
 */
public final class UserTokens {

	private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

	public UserTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
		Assert.notNull(authorizedClients, "authorizedClients cannot be null");
		this.authorizedClients = authorizedClients;
	}

	/**
	 * The user's access token.
	 * @param user the signed-in user
	 * @param registration the registration to use, or {@code null} for the one the user
	 * signed in with
	 * @return the token; an {@link OAuth2AuthorizationException}
	 * ({@code client_authorization_required}) if the user holds none
	 */
	public Mono<OAuth2AccessToken> accessToken(SignedInUser user, @Nullable String registration) {
		if (user.kind() == SignedInUser.Kind.BEARER) {
			OAuth2Token token = ((AbstractOAuth2TokenAuthenticationToken<?>) user.authentication()).getToken();
			return Mono.just(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token.getTokenValue(),
					token.getIssuedAt(), token.getExpiresAt()));
		}
		String registrationId = (registration != null) ? registration : signInRegistration(user);
		if (registrationId == null) {
			return Mono.error(() -> notAuthorized("The user holds no token of this registration"));
		}
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
			.principal(user.authentication())
			.build();
		return this.authorizedClients.authorize(request)
			.switchIfEmpty(Mono.error(() -> notAuthorized("The user holds no token of this registration")))
			.map(OAuth2AuthorizedClient::getAccessToken);
	}

	/**
	 * The registration whose tokens a user holds: the one a session user signed in with;
	 * none for a bearer client, whose token is the one it presented.
	 * @param user the signed-in user
	 * @return the registration id, or {@code null}
	 */
	public static @Nullable String signInRegistration(SignedInUser user) {
		return (user.kind() == SignedInUser.Kind.SESSION
				&& user.authentication() instanceof OAuth2AuthenticationToken login)
						? login.getAuthorizedClientRegistrationId() : null;
	}

	/**
	 * The user's access token as a JWT, to present as an assertion.
	 * @param user the signed-in user
	 * @return the token; an {@link OAuth2AuthorizationException} if the user holds none
	 * or it is not a JWT
	 */
	public Mono<Jwt> accessTokenAsJwt(SignedInUser user) {
		return accessToken(user, null).map((token) -> UnverifiedJwt.parse(token.getTokenValue()));
	}

	/**
	 * The ID token the user signed in with.
	 * @param user the signed-in user
	 * @return the ID token; an {@link OAuth2AuthorizationException}
	 * ({@code client_authorization_required}) for a user who did not sign in with OIDC (a
	 * bearer client)
	 */
	public Mono<OidcIdToken> idToken(SignedInUser user) {
		if (user.kind() == SignedInUser.Kind.SESSION && user.authentication().getPrincipal() instanceof OidcUser oidc) {
			return Mono.just(oidc.getIdToken());
		}
		return Mono.error(() -> notAuthorized("Only a user signed in through OIDC has an ID token"));
	}

	private static OAuth2AuthorizationException notAuthorized(String description) {
		return new OAuth2AuthorizationException(new OAuth2Error("client_authorization_required", description, null));
	}

}
