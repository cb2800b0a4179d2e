package io.edgegateway.idp.server;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * A Microsoft Entra On-Behalf-Of token request: {@code grant_type=jwt-bearer} with the
 * user's access token as {@code assertion}, {@code requested_token_use} and the requested
 * scopes, in request order.
 */
final class OnBehalfOfAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	private final String assertion;

	private final @Nullable String requestedTokenUse;

	private final List<String> scopes;

	OnBehalfOfAuthenticationToken(Authentication clientPrincipal, String assertion, @Nullable String requestedTokenUse,
			List<String> scopes) {
		super(AuthorizationGrantType.JWT_BEARER, clientPrincipal, Map.of());
		this.assertion = assertion;
		this.requestedTokenUse = requestedTokenUse;
		this.scopes = List.copyOf(scopes);
	}

	String assertion() {
		return this.assertion;
	}

	@Nullable String requestedTokenUse() {
		return this.requestedTokenUse;
	}

	List<String> scopes() {
		return this.scopes;
	}

}
