package io.edgegateway.filters.credential;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.Assert;

/**
 * The signed-in user's own access token: for a browser session from the authorized client
 * manager, which refreshes it with the refresh token when it has expired (and saves the
 * result in the session); for a bearer client the token it presented, already validated
 * by the resource server.
 */
public final class UserTokens {

	private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

	public UserTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
		Assert.notNull(authorizedClients, "authorizedClients cannot be null");
		this.authorizedClients = authorizedClients;
	}

	/**
	 * The user's access token.
	 * @param user the authenticated user
	 * @param registration the registration to use, or {@code null} for the one the user
	 * signed in with
	 * @return the token; an {@link OAuth2AuthorizationException}
	 * ({@code client_authorization_required}) if the user holds none
	 */
	public Mono<OAuth2AccessToken> accessToken(Authentication user, @Nullable String registration) {
		if (user instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
			return Mono
				.just(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, bearer.getToken().getTokenValue(),
						bearer.getToken().getIssuedAt(), bearer.getToken().getExpiresAt()));
		}
		String registrationId = (registration != null) ? registration
				: (user instanceof OAuth2AuthenticationToken login) ? login.getAuthorizedClientRegistrationId() : null;
		if (registrationId == null) {
			return Mono.error(UserTokens::notAuthorized);
		}
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
			.principal(user)
			.build();
		return this.authorizedClients.authorize(request)
			.switchIfEmpty(Mono.error(UserTokens::notAuthorized))
			.map(OAuth2AuthorizedClient::getAccessToken);
	}

	/**
	 * The user's access token as a JWT, to present as an assertion.
	 * @param user the authenticated user
	 * @return the token; an {@link OAuth2AuthorizationException} if the user holds none
	 * or it is not a JWT
	 */
	public Mono<Jwt> accessTokenAsJwt(Authentication user) {
		return accessToken(user, null).map((token) -> UnverifiedJwt.parse(token.getTokenValue()));
	}

	private static OAuth2AuthorizationException notAuthorized() {
		return new OAuth2AuthorizationException(
				new OAuth2Error("client_authorization_required", "The user holds no token of this registration", null));
	}

}
