package io.edgegateway.app.security;

import io.edgegateway.filters.credential.ProviderErrors;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The sign-in's code exchange at the provider's token endpoint (Spring Security's own
 * client), with a provider that cannot be reached reported as an OAuth2 error
 * ({@value ProviderErrors#UNAVAILABLE}): Spring Security's login passes a connection
 * failure through as it is, which would end the sign-in in a {@code 500} instead of at
 * {@link SignInFailureHandler}.
 */
final class SignInTokenResponseClient
		implements ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

	private final ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate = new WebClientReactiveAuthorizationCodeTokenResponseClient();

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(OAuth2AuthorizationCodeGrantRequest request) {
		return this.delegate.getTokenResponse(request)
			.onErrorMap(ProviderErrors::isUnreachable,
					(ex) -> new OAuth2AuthorizationException(new OAuth2Error(ProviderErrors.UNAVAILABLE), ex));
	}

}
