package io.edgegateway.app.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.edgegateway.app.session.SessionAuditLog;
import io.edgegateway.app.web.GatewayExceptionHandler;
import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.filters.request.RequestIds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a browser sign-in that failed at the provider's callback ends with: a page for a
 * navigation, {@code application/problem+json} for a script, each saying what failed
 * ({@link SignInFailure}) and where to try again ({@code /auth/login}, keeping the page
 * the user was going to). Never a redirect back to sign-in, which would send the browser
 * round in a loop when the failure is the gateway's configuration or the provider's
 * state. The failure is logged once at {@code WARN} (without a stack trace: these are the
 * provider's answers), counted ({@link SignInMetrics}) and audited
 * ({@code login_failed}).
 */
final class SignInFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(SignInFailureHandler.class);

	/**
	 * The problem type of a failed sign-in.
	 */
	static final URI TYPE = URI.create("urn:edge-gateway:problem:sign-in-failed");

	/**
	 * Spring Security's callback, where the provider sends the browser back.
	 */
	private static final PathPatternParserServerWebExchangeMatcher CALLBACK = new PathPatternParserServerWebExchangeMatcher(
			"/login/oauth2/code/{registrationId}");

	private final SignInRegistrations signIns;

	private final SameOriginRequestCache requestCache;

	private final ProblemResponses problems;

	private final SignInMetrics metrics;

	private final SessionAuditLog audit;

	SignInFailureHandler(SignInRegistrations signIns, SameOriginRequestCache requestCache, ProblemResponses problems,
			SignInMetrics metrics, SessionAuditLog audit) {
		this.signIns = signIns;
		this.requestCache = requestCache;
		this.problems = problems;
		this.metrics = metrics;
		this.audit = audit;
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		return registration(exchange).flatMap((registration) -> {
			SignInFailure failure = SignInFailure.of(registration.orElse(null), exception);
			record(exchange, failure);
			return this.requestCache.getRedirectUri(exchange)
				.map((target) -> tryAgain(failure, target.toString()))
				.defaultIfEmpty(tryAgain(failure, null))
				.flatMap((tryAgain) -> answer(exchange, failure, tryAgain));
		});
	}

	private Mono<Optional<String>> registration(ServerWebExchange exchange) {
		return CALLBACK.matches(exchange)
			.map((match) -> Optional.ofNullable((String) match.getVariables().get("registrationId"))
				.filter(this.signIns::isOffered));
	}

	private void record(ServerWebExchange exchange, SignInFailure failure) {
		String requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
		logger.warn("Sign-in failed: request_id=%s registration=%s error=%s%s".formatted(requestId,
				failure.registration(), failure.error(), (failure.description() != null)
						? " description=\"" + failure.description().replace("\"", "'") + "\"" : ""));
		this.metrics.failed(failure);
		this.audit.signInFailed(failure.registration(), failure.error(), ClientAddress.of(exchange.getRequest()),
				requestId);
	}

	/**
	 * Where the user signs in again: the sign-in page, with the provider this sign-in was
	 * for and the page the user was going to.
	 */
	private static String tryAgain(SignInFailure failure, @Nullable String target) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(EdgeAuthenticationEntryPoint.LOGIN_PATH);
		if (failure.registration() != null) {
			link.queryParam("provider", failure.registration());
		}
		if (target != null) {
			link.queryParam("redirect", target);
		}
		return link.encode().build().toUriString();
	}

	private Mono<Void> answer(ServerWebExchange exchange, SignInFailure failure, String tryAgain) {
		if (failure.status() == HttpStatus.UNAUTHORIZED) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, EdgeAuthenticationEntryPoint.CHALLENGE);
		}
		if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, GatewayExceptionHandler.RETRY_AFTER_SECONDS);
		}
		exchange.getResponse().getHeaders().setCacheControl("no-store");
		if (BrowserNavigation.isNavigation(exchange.getRequest())) {
			return page(exchange, failure, tryAgain);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), "Sign-in failed: "
				+ failure.meaning() + ((failure.description() != null) ? ": " + failure.description() : ""));
		problem.setType(TYPE);
		problem.setTitle("Sign-in failed");
		problem.setProperty("error", failure.error());
		problem.setProperty("registration", failure.registration());
		problem.setProperty("login", tryAgain);
		return this.problems.write(exchange, problem);
	}

	private Mono<Void> page(ServerWebExchange exchange, SignInFailure failure, String tryAgain) {
		String name = (failure.registration() != null) ? this.signIns.offered().get(failure.registration()) : null;
		String html = SignInFailurePage.render(failure, name, tryAgain, exchange.getAttribute(RequestIds.ATTRIBUTE));
		exchange.getResponse().setStatusCode(failure.status());
		exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		DataBuffer body = exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
		return exchange.getResponse().writeWith(Mono.just(body));
	}

}
