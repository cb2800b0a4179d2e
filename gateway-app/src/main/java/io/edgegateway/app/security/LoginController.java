package io.edgegateway.app.security;

import java.net.URI;

import io.edgegateway.app.web.ProblemResponses;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /auth/login?redirect=/path}: where a SPA sends the browser when an API call
 * answered {@code 401}. Remembers the page to land on after sign-in (a path on this
 * gateway only) and starts the OIDC login, with what the problem's login URL asks of the
 * provider ({@link SignInParameters}: a {@code prompt}, a step-up's {@code acr_values}
 * and {@code max_age}).
 */
@RestController
class LoginController {

	private final SameOriginRequestCache requestCache;

	private final ProblemResponses problems;

	private final String authorizationPath;

	LoginController(SameOriginRequestCache requestCache, ProblemResponses problems, EdgeSecurityProperties properties) {
		this.requestCache = requestCache;
		this.problems = problems;
		this.authorizationPath = "/oauth2/authorization/" + properties.getLoginRegistration();
	}

	@GetMapping(EdgeAuthenticationEntryPoint.LOGIN_PATH)
	Mono<Void> login(@RequestParam(name = "redirect", required = false) @Nullable String redirect,
			ServerWebExchange exchange) {
		Mono<Boolean> saved = (redirect != null) ? this.requestCache.saveTarget(exchange, redirect) : Mono.just(true);
		return saved.flatMap((accepted) -> {
			if (!accepted) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"redirect: not a path on this gateway");
				problem.setTitle("Bad Request");
				return this.problems.write(exchange, problem);
			}
			exchange.getResponse().setStatusCode(HttpStatus.FOUND);
			exchange.getResponse()
				.getHeaders()
				.setLocation(URI.create(SignInParameters.url(this.authorizationPath,
						SignInParameters.of(exchange.getRequest().getQueryParams()))));
			return exchange.getResponse().setComplete();
		});
	}

}
