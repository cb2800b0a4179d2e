package io.edgegateway.idp.server;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Honours an authorization request's {@code max_age}, {@code acr_values} and claims
 * request ({@code claims}): a user whose sign-in at the provider is older or weaker than
 * asked is signed out of the provider's session before the authorization endpoint sees
 * the request, so the endpoint sends the user to the login form and the new tokens carry
 * the new sign-in.
 */
final class StepUpSignInFilter extends OncePerRequestFilter {

	private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !AUTHORIZATION_ENDPOINT.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user != null && user.getDetails() instanceof DemoSignIn signIn && signIn.isInsufficientFor(
				request.getParameter("acr_values"), request.getParameter("claims"), maxAge(request), Instant.now())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			}
		}
		chain.doFilter(request, response);
	}

	private static @Nullable Duration maxAge(HttpServletRequest request) {
		String maxAge = request.getParameter("max_age");
		return (maxAge != null && maxAge.matches("[0-9]{1,9}")) ? Duration.ofSeconds(Long.parseLong(maxAge)) : null;
	}

}
