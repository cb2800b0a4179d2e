package io.edgegateway.idp.server;

import io.edgegateway.idp.DemoUsers;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds the demo user's profile claims ({@code name}, {@code email}, {@code groups},
 * {@code tenant}) to the access token and the ID token of tokens issued for a user.
 * Tokens issued for the client itself ({@code client_credentials}) have the client as
 * principal, which is no demo user, so they stay without profile claims. Tokens of a
 * login form's sign-in say how and when it was made ({@link DemoSignIn}: {@code acr},
 * {@code amr}, {@code auth_time}).
 */
final class DemoUserClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || ID_TOKEN.equals(context.getTokenType())) {
			DemoUsers.find(context.getPrincipal().getName())
				.ifPresent((profile) -> context.getClaims().claims((claims) -> claims.putAll(profile.claims())));
			if (context.getPrincipal().getDetails() instanceof DemoSignIn signIn) {
				context.getClaims()
					.claim("acr", signIn.acr())
					.claim("amr", signIn.amr())
					.claim("auth_time", signIn.authTime().getEpochSecond());
			}
		}
	}

}
