package io.edgegateway.idp.server;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes {@code client_credentials} access tokens like those of common providers:
 * {@code azp} and {@code client_id} (the client id, which Spring Authorization Server
 * already puts in {@code sub}), and {@code aud} set to the request's {@code audience}
 * parameter if it has one (Auth0 style); without it {@code aud} stays the client id.
 */
final class ClientCredentialsClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				|| !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		String clientId = context.getRegisteredClient().getClientId();
		context.getClaims().claim("azp", clientId).claim("client_id", clientId);
		if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken request) {
			List<String> audience = audience(request.getAdditionalParameters().get(OAuth2ParameterNames.AUDIENCE));
			if (!audience.isEmpty()) {
				context.getClaims().audience(audience);
			}
		}
	}

	private static List<String> audience(@Nullable Object parameter) {
		if (parameter instanceof String single) {
			return List.of(single);
		}
		if (parameter instanceof String[] several) {
			return Arrays.asList(several);
		}
		return List.of();
	}

}
