package io.edgegateway.idp.server;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Records a login form's sign-in ({@link DemoSignIn}) as the details of the user's
 * authentication, at the level the authorization request that sent the user to the form
 * asked for.
 */
final class DemoSignInDetailsSource implements AuthenticationDetailsSource<HttpServletRequest, DemoSignIn> {

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	@Override
	public DemoSignIn buildDetails(HttpServletRequest request) {
		SavedRequest authorization = this.requestCache.getRequest(request, null);
		return DemoSignIn.forRequest(parameter(authorization, "acr_values"), parameter(authorization, "claims"),
				Instant.now());
	}

	private static @Nullable String parameter(@Nullable SavedRequest authorization, String name) {
		String[] values = (authorization != null) ? authorization.getParameterValues(name) : null;
		return (values != null && values.length > 0) ? values[0] : null;
	}

}
