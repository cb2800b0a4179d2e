package io.edgegateway.idp.server;

import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;

/**
 * Validates an RP-initiated logout request's {@code post_logout_redirect_uri}: a loopback
 * URI matches a registered one whatever its port (see {@link LoopbackRedirectUris});
 * anything else needs the exact match of Spring Authorization Server's default check.
 */
final class LoopbackPostLogoutRedirectUriValidator implements Consumer<OidcLogoutAuthenticationContext> {

	@Override
	public void accept(OidcLogoutAuthenticationContext context) {
		OidcLogoutAuthenticationToken logoutRequest = context.getAuthentication();
		String requestedUri = logoutRequest.getPostLogoutRedirectUri();
		if (requestedUri == null || !LoopbackRedirectUris.matchesAnyPort(requestedUri,
				context.getRegisteredClient().getPostLogoutRedirectUris())) {
			OidcLogoutAuthenticationValidator.DEFAULT_POST_LOGOUT_REDIRECT_URI_VALIDATOR.accept(context);
		}
	}

}
