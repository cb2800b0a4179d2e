package io.edgegateway.app.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.access.AccessRuleException;
import io.edgegateway.filters.access.StepUpRequiredException;
import io.edgegateway.filters.access.StepUpRequirement;
import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.logging.RequestMdc;
import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.tracing.RequestTraces;
import io.edgegateway.filters.user.SignedInUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebSession;

/**
 * Answers a route whose credential could not be obtained, so the upstream is never called
 * without it. A user who must sign in again loses the session and is sent to sign in like
 * any unauthenticated request; a refusal of the identity provider is {@code 403}, an
 * unreachable one {@code 503} with {@code Retry-After}, a credential that ended without a
 * token {@code 502}, all {@code application/problem+json} naming the route and the error
 * code, never a token or the provider's raw answer. Redis unavailable or too slow for a
 * request that needs it (its session), or the identity provider's keys not to be had for
 * a bearer token, is {@code 503} with {@code Retry-After}, not {@code 500}. Every other
 * answer the gateway makes itself is a problem too: an upstream slower than its response
 * timeout {@code 504}, no route {@code 404}, anything unexpected {@code 500}.
 */
@Component
@Order(-2)
public class GatewayExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(GatewayExceptionHandler.class);

	/**
	 * The {@code Retry-After} of the gateway's {@code 503} answers.
	 */
	public static final String RETRY_AFTER_SECONDS = "5";

	/**
	 * The error of RFC 9470 (OAuth 2.0 Step Up Authentication Challenge Protocol).
	 */
	private static final String INSUFFICIENT_USER_AUTHENTICATION = "insufficient_user_authentication";

	private final ServerAuthenticationEntryPoint entryPoint;

	private final ProblemResponses problems;

	private final RequestTraces traces;

	public GatewayExceptionHandler(ServerAuthenticationEntryPoint entryPoint, ProblemResponses problems,
			RequestTraces traces) {
		this.entryPoint = entryPoint;
		this.problems = problems;
		this.traces = traces;
	}

	/**
	 * Answer a failed request; what is logged about it carries its request id and trace
	 * id in the MDC.
	 */
	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		return RequestMdc.with(exchange.getAttribute(RequestIds.ATTRIBUTE), this.traces.traceId(exchange),
				() -> answer(exchange, ex));
	}

	private Mono<Void> answer(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof AccessRuleException denial) {
			return denied(exchange, denial);
		}
		if (ex instanceof StepUpRequiredException stepUp) {
			return stepUp(exchange, stepUp);
		}
		if (UpstreamFailures.isUnreachable(exchange, ex)) {
			return unreachableUpstream(exchange, ex);
		}
		if (RedisFailures.isUnavailable(ex)) {
			return unavailable(exchange, "session_store_unavailable",
					"The session store is unavailable; try again shortly", ex);
		}
		DependencyUnavailableException dependency = Causes.find(ex, DependencyUnavailableException.class);
		if (dependency != null) {
			return unavailable(exchange, dependency.getErrorCode(), dependency.getMessage(), ex);
		}
		if (!(ex instanceof CredentialException failure)) {
			return otherFailure(exchange, ex);
		}
		logger.warn("request_id=%s route=%s registration=%s mode=%s error=%s: %s".formatted(
				exchange.getAttribute(RequestIds.ATTRIBUTE), failure.getRouteId(), failure.getRegistration(),
				failure.getMode(), failure.getErrorCode(), failure.getMessage()));
		return switch (failure.getReason()) {
			case SIGN_IN_REQUIRED -> exchange.getSession()
				.flatMap(WebSession::invalidate)
				.then(this.entryPoint.commence(exchange,
						new SignInRequiredException(failure.getMessage(), failure, failure.getSignInParameters())));
			case REFUSED -> this.problems.write(exchange, problem(exchange, failure, HttpStatus.FORBIDDEN));
			case UNAVAILABLE -> {
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
				yield this.problems.write(exchange, problem(exchange, failure, HttpStatus.SERVICE_UNAVAILABLE));
			}
			case NO_TOKEN -> this.problems.write(exchange, problem(exchange, failure, HttpStatus.BAD_GATEWAY));
		};
	}

	private Mono<Void> denied(ServerWebExchange exchange, AccessRuleException denial) {
		logger.info("request_id=%s route=%s denied: %s".formatted(exchange.getAttribute(RequestIds.ATTRIBUTE),
				denial.getRouteId(), denial.getMessage()));
		if (denial.getRule() == null) {
			return this.entryPoint.commence(exchange, new InsufficientAuthenticationException(denial.getMessage()));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denial.getMessage());
		problem.setTitle("Forbidden");
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("route", denial.getRouteId());
		problem.setProperty("rule", denial.getRule());
		return this.problems.write(exchange, problem);
	}

	/**
	 * A user who signed in, not recently or strongly enough for the route: a browser
	 * signs in again with the route's {@code acr_values} and {@code max_age} (the session
	 * stays); a bearer client is told what its token lacks (RFC 9470); a user the
	 * provider's new sign-in did not satisfy gets {@code 403}.
	 */
	private Mono<Void> stepUp(ServerWebExchange exchange, StepUpRequiredException stepUp) {
		logger.info("request_id=%s route=%s step-up: %s".formatted(exchange.getAttribute(RequestIds.ATTRIBUTE),
				stepUp.getRouteId(), stepUp.getMessage()));
		Map<String, String> signIn = new LinkedHashMap<>();
		StepUpRequirement requirement = stepUp.getRequirement();
		if (requirement.acrValues() != null) {
			signIn.put(SignInRequiredException.ACR_VALUES, requirement.acrValues());
		}
		if (requirement.maxAge() != null) {
			signIn.put(SignInRequiredException.MAX_AGE, String.valueOf(requirement.maxAge().toSeconds()));
		}
		if (!stepUp.isRetryFutile() && stepUp.getUserKind() == SignedInUser.Kind.SESSION) {
			return this.entryPoint.commence(exchange, new SignInRequiredException(stepUp.getMessage(), stepUp, signIn));
		}
		HttpStatus status = stepUp.isRetryFutile() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
		if (status == HttpStatus.UNAUTHORIZED) {
			StringBuilder challenge = new StringBuilder("Bearer error=\"" + INSUFFICIENT_USER_AUTHENTICATION
					+ "\", error_description=\"A different authentication level is required\"");
			signIn
				.forEach((name, value) -> challenge.append(", ").append(name).append("=\"").append(value).append('"'));
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge.toString());
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, stepUp.getMessage());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("route", stepUp.getRouteId());
		problem.setProperty("error", INSUFFICIENT_USER_AUTHENTICATION);
		signIn.forEach(problem::setProperty);
		return this.problems.write(exchange, problem);
	}

	private Mono<Void> unreachableUpstream(ServerWebExchange exchange, Throwable ex) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		logger.warn("request_id=%s route=%s upstream failed: %s".formatted(exchange.getAttribute(RequestIds.ATTRIBUTE),
				route.getId(), ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"The upstream could not be reached or closed the connection without an answer");
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("route", route.getId());
		return this.problems.write(exchange, problem);
	}

	/**
	 * Everything else the gateway answers itself: an upstream slower than the response
	 * timeout is {@code 504}, a status Spring or Spring Cloud Gateway raised (no route,
	 * method not allowed, ...) keeps its status and headers, anything unexpected is
	 * {@code 500}, logged with its stack trace; the body never carries one.
	 */
	private Mono<Void> otherFailure(ServerWebExchange exchange, Throwable ex) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		ProblemDetail problem;
		if (ex instanceof ResponseStatusException status) {
			problem = ProblemDetail.forStatus(status.getStatusCode());
			if (status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT && route != null) {
				logger.warn("request_id=%s route=%s upstream timed out: %s"
					.formatted(exchange.getAttribute(RequestIds.ATTRIBUTE), route.getId(), ex.getMessage()));
				problem.setDetail("The upstream did not answer within the route's response timeout");
			}
			else {
				problem.setDetail(status.getReason());
			}
			exchange.getResponse().getHeaders().addAll(status.getHeaders());
		}
		else {
			logger.error("request_id=%s path=%s failed".formatted(exchange.getAttribute(RequestIds.ATTRIBUTE),
					exchange.getRequest().getPath().value()), ex);
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The gateway could not handle the request");
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		if (route != null) {
			problem.setProperty("route", route.getId());
		}
		return this.problems.write(exchange, problem);
	}

	private Mono<Void> unavailable(ServerWebExchange exchange, String error, String detail, Throwable ex) {
		logger.warn("request_id=%s path=%s %s: %s".formatted(exchange.getAttribute(RequestIds.ATTRIBUTE),
				exchange.getRequest().getPath().value(), error, ex.getMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("error", error);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return this.problems.write(exchange, problem);
	}

	private static ProblemDetail problem(ServerWebExchange exchange, CredentialException failure, HttpStatus status) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("route", failure.getRouteId());
		problem.setProperty("error", failure.getErrorCode());
		return problem;
	}

}
