package io.edgegateway.filters.credential.relay;

import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.credential.CredentialMode;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.Assert;

/**
 * Token relay: the user's own access token, for routes whose upstream accepts the tokens
 * of the gateway's identity provider.
 * <p>
 * A browser session's token comes from the authorized client manager, which refreshes it
 * with the refresh token when it has expired (and saves the result in the session). A
 * bearer client's token is the one it presented, already validated by the resource
 * server.
 */
public final class TokenRelayStrategy {

	private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

	public TokenRelayStrategy(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
		Assert.notNull(authorizedClients, "authorizedClients cannot be null");
		this.authorizedClients = authorizedClients;
	}

	/**
	 * The access token to relay for a user.
	 * @param user the authenticated user
	 * @param routeId the route, for error reporting
	 * @param registration the client registration to use, or {@code null} for the one the
	 * user signed in with
	 * @return the token value, or a {@link CredentialException}
	 */
	public Mono<String> accessToken(Authentication user, String routeId, @Nullable String registration) {
		if (user instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
			return Mono.just(bearer.getToken().getTokenValue());
		}
		String registrationId = (registration != null) ? registration
				: (user instanceof OAuth2AuthenticationToken login) ? login.getAuthorizedClientRegistrationId() : null;
		if (registrationId == null) {
			return Mono.error(CredentialException.signInRequired(routeId, null, CredentialMode.TOKEN_RELAY));
		}
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
			.principal(user)
			.build();
		return this.authorizedClients.authorize(request)
			.switchIfEmpty(Mono
				.error(() -> CredentialException.signInRequired(routeId, registrationId, CredentialMode.TOKEN_RELAY)))
			.map(OAuth2AuthorizedClient::getAccessToken)
			.map((token) -> token.getTokenValue())
			.onErrorMap((ex) -> CredentialException.from(ex, routeId, registrationId, CredentialMode.TOKEN_RELAY));
	}

}
