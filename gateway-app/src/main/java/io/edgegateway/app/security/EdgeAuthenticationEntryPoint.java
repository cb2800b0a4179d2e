package io.edgegateway.app.security;

import java.net.URI;
import java.util.Map;

import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.app.web.SignInRequiredException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a request without a valid user gets: a bearer client {@code 401} with
 * {@code WWW-Authenticate}; a browser navigation a redirect to sign in, remembering the
 * page; any other request (a SPA's {@code fetch}) {@code 401}
 * {@code application/problem+json} naming the login URL.
 */
public final class EdgeAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	/**
	 * Where a browser starts signing in; takes an optional {@code redirect} path to land
	 * on afterwards.
	 */
	public static final String LOGIN_PATH = "/auth/login";

	/**
	 * The challenge of a script's {@code 401} (a {@code 401} must carry one, RFC 9110): a
	 * bearer token is what a script can present (RFC 6750), and no browser shows a dialog
	 * for it; a browser's script signs the user in at the problem's {@code login} URL
	 * instead.
	 */
	static final String CHALLENGE = "Bearer realm=\"edge-gateway\"";

	private final BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();

	private final SignInRegistrations signIns;

	private final SameOriginRequestCache requestCache;

	private final ProblemResponses problems;

	EdgeAuthenticationEntryPoint(SignInRegistrations signIns, SameOriginRequestCache requestCache,
			ProblemResponses problems) {
		this.signIns = signIns;
		this.requestCache = requestCache;
		this.problems = problems;
	}

	/**
	 * Answer a request that needs a user. A sign-in that must ask something of the
	 * identity provider ({@link SignInRequiredException}: a {@code prompt}, a step-up's
	 * {@code acr_values} and {@code max_age}) carries it there.
	 */
	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (BearerTokens.isPresent(exchange.getRequest())) {
			return this.bearer.commence(exchange, ex);
		}
		Map<String, String> signIn = (ex instanceof SignInRequiredException required) ? required.getSignInParameters()
				: Map.of();
		if (BrowserNavigation.isNavigation(exchange.getRequest())) {
			RedirectServerAuthenticationEntryPoint login = new RedirectServerAuthenticationEntryPoint(
					SignInParameters.url(this.signIns.start(exchange.getRequest()), signIn));
			login.setRequestCache(this.requestCache);
			return login.commence(exchange, ex);
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign-in required");
		problem.setTitle("Unauthorized");
		problem.setProperty("login", SignInParameters.url(LOGIN_PATH, signIn));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return this.problems.write(exchange, problem);
	}

}
