package io.edgegateway.app.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.edgegateway.app.web.ProblemResponses;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /auth/login?redirect=/path}: where a SPA sends the browser when an API call
 * answered {@code 401}, and where a browser without a session lands when several identity
 * providers are offered. Remembers the page to land on after sign-in (a path on this
 * gateway only) and starts the OIDC login with the registration {@code provider} names,
 * the request host's ({@code edge.security.login-hosts}), or the only one; with several
 * and none chosen it answers a page that offers each. The sign-in carries what the login
 * URL asks of the provider ({@link SignInParameters}: a {@code prompt}, a claims
 * challenge, a step-up's {@code acr_values} and {@code max_age}).
 */
@RestController
class LoginController {

	private static final String PROVIDER = "provider";

	private final SameOriginRequestCache requestCache;

	private final ProblemResponses problems;

	private final SignInRegistrations signIns;

	LoginController(SameOriginRequestCache requestCache, ProblemResponses problems, SignInRegistrations signIns) {
		this.requestCache = requestCache;
		this.problems = problems;
		this.signIns = signIns;
	}

	@GetMapping(EdgeAuthenticationEntryPoint.LOGIN_PATH)
	Mono<Void> login(@RequestParam(name = "redirect", required = false) @Nullable String redirect,
			@RequestParam(name = PROVIDER, required = false) @Nullable String provider, ServerWebExchange exchange) {
		if (provider != null && !this.signIns.isOffered(provider)) {
			return badRequest(exchange,
					PROVIDER + ": '" + provider + "' is not offered; offered: " + this.signIns.offered().keySet());
		}
		Mono<Boolean> saved = (redirect != null) ? this.requestCache.saveTarget(exchange, redirect) : Mono.just(true);
		return saved.flatMap((accepted) -> {
			if (!accepted) {
				return badRequest(exchange, "redirect: not a path on this gateway");
			}
			String registration = chosen(provider, exchange);
			if (registration == null) {
				return chooser(exchange);
			}
			Map<String, String> signIn = SignInParameters.of(exchange.getRequest().getQueryParams());
			exchange.getResponse().setStatusCode(HttpStatus.FOUND);
			exchange.getResponse()
				.getHeaders()
				.setLocation(URI
					.create(SignInParameters.url(SignInRegistrations.AUTHORIZATION_PATH + registration, signIn)));
			return exchange.getResponse().setComplete();
		});
	}

	private @Nullable String chosen(@Nullable String provider, ServerWebExchange exchange) {
		if (provider != null) {
			return provider;
		}
		String host = this.signIns.forHost(exchange.getRequest());
		if (host != null) {
			return host;
		}
		return (this.signIns.offered().size() == 1) ? this.signIns.defaultId() : null;
	}

	/**
	 * A page that offers each identity provider; each link keeps what the login URL asks
	 * of the sign-in.
	 */
	private Mono<Void> chooser(ServerWebExchange exchange) {
		Map<String, String> signIn = SignInParameters.of(exchange.getRequest().getQueryParams());
		StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>Sign in</title></head><body><h1>Sign in with</h1><ul>\n");
		this.signIns.offered().forEach((id, name) -> {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath(EdgeAuthenticationEntryPoint.LOGIN_PATH)
				.queryParam(PROVIDER, id);
			signIn.forEach(link::queryParam);
			page.append("<li><a href=\"")
				.append(HtmlUtils.htmlEscape(link.build().encode().toUriString()))
				.append("\">")
				.append(HtmlUtils.htmlEscape(name))
				.append("</a></li>\n");
		});
		page.append("</ul></body></html>\n");
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		exchange.getResponse().getHeaders().setCacheControl("no-store");
		DataBuffer body = exchange.getResponse().bufferFactory().wrap(page.toString().getBytes(StandardCharsets.UTF_8));
		return exchange.getResponse().writeWith(Mono.just(body));
	}

	private Mono<Void> badRequest(ServerWebExchange exchange, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Bad Request");
		return this.problems.write(exchange, problem);
	}

}
