package io.edgegateway.idp.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The token endpoint's error response, as Spring Authorization Server writes it, with the
 * {@code claims} of a {@link ClaimsChallenge} added as Entra ID adds them.
 */
final class ClaimsChallengeErrorWriter implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler standard = new OAuth2ErrorAuthenticationFailureHandler();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof OAuth2AuthenticationException oauth2
				&& oauth2.getError() instanceof ClaimsChallenge challenge)) {
			this.standard.onAuthenticationFailure(request, response, exception);
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", challenge.getErrorCode());
		body.put("error_description", challenge.getDescription());
		body.put("claims", challenge.claims());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(JSONObjectUtils.toJSONString(body));
	}

}
