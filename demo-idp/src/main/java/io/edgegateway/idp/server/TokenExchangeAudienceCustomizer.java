package io.edgegateway.idp.server;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Sets {@code aud} of an exchanged access token (RFC 8693) to the request's
 * {@code audience} values followed by its {@code resource} values. Spring Authorization
 * Server validates both parameters but leaves {@code aud} at the client id; it does add
 * the {@code act} claim of a delegation itself.
 */
final class TokenExchangeAudienceCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				&& context.getAuthorizationGrant() instanceof OAuth2TokenExchangeAuthenticationToken request) {
			List<String> audience = new ArrayList<>(request.getAudiences());
			audience.addAll(request.getResources());
			if (!audience.isEmpty()) {
				context.getClaims().audience(audience);
			}
		}
	}

}
