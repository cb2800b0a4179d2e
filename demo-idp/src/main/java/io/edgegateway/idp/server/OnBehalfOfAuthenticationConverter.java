package io.edgegateway.idp.server;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads an On-Behalf-Of request from the token endpoint's form parameters. Runs after
 * client authentication, so the authenticated client is in the security context. Requires
 * {@code assertion} and {@code scope}; {@code requested_token_use} is checked by
 * {@link OnBehalfOfAuthenticationProvider}.
 */
final class OnBehalfOfAuthenticationConverter implements AuthenticationConverter {

	static final String REQUESTED_TOKEN_USE = "requested_token_use";

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!AuthorizationGrantType.JWT_BEARER.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		Authentication clientPrincipal = SecurityContextHolder.getContext().getAuthentication();
		if (clientPrincipal == null) {
			throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "The client is not authenticated");
		}
		String assertion = request.getParameter(OAuth2ParameterNames.ASSERTION);
		if (!StringUtils.hasText(assertion)) {
			throw invalid(OAuth2ErrorCodes.INVALID_REQUEST, "The request must contain the parameter 'assertion'");
		}
		String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
		if (!StringUtils.hasText(scope)) {
			throw invalid(OAuth2ErrorCodes.INVALID_REQUEST, "The request must contain the parameter 'scope'");
		}
		List<String> scopes = Arrays.stream(scope.trim().split("\\s+")).distinct().toList();
		return new OnBehalfOfAuthenticationToken(clientPrincipal, assertion, request.getParameter(REQUESTED_TOKEN_USE),
				scopes);
	}

	private static OAuth2AuthenticationException invalid(String errorCode, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(errorCode, description, null));
	}

}
