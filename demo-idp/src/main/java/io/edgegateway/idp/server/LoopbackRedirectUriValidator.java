package io.edgegateway.idp.server;

import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;

/**
 * Validates an authorization request's {@code redirect_uri} and {@code scope}: a loopback
 * redirect URI matches a registered one whatever its port (see
 * {@link LoopbackRedirectUris}); anything else goes through Spring Authorization Server's
 * default checks.
 */
final class LoopbackRedirectUriValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest = context.getAuthentication();
		String requestedUri = authorizationRequest.getRedirectUri();
		if (requestedUri == null || !LoopbackRedirectUris.matchesAnyPort(requestedUri,
				context.getRegisteredClient().getRedirectUris())) {
			OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
		}
		OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
	}

}
