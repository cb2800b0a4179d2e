package io.edgegateway.filters.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.edgegateway.filters.access.AccessRuleException;
import io.edgegateway.filters.access.StepUpRequiredException;
import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.RouteCredential;
import io.edgegateway.filters.request.AccessLog;
import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.tracing.RequestTraces;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes one audit event per proxied request, whatever became of it: allowed, denied by
 * the access rule, no credential, or an upstream failure. Runs around every other gateway
 * filter, so it sees their errors before they become responses.
 */
public class AuditGlobalFilter implements GlobalFilter, Ordered {

	private final AuditEventWriter writer;

	private final Clock clock;

	private final RequestTraces traces;

	public AuditGlobalFilter(AuditEventWriter writer, Clock clock, RequestTraces traces) {
		this.writer = writer;
		this.clock = clock;
		this.traces = traces;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Instant time = this.clock.instant();
		long start = System.nanoTime();
		return chain.filter(exchange)
			.then(Mono.defer(() -> record(exchange, time, start, null)))
			.onErrorResume((ex) -> record(exchange, time, start, ex).then(Mono.error(ex)));
	}

	private Mono<Void> record(ServerWebExchange exchange, Instant time, long start, @Nullable Throwable failure) {
		return SignedInUser.of(exchange)
			.map((user) -> Optional.of(user.claims()))
			.defaultIfEmpty(Optional.<IdentityClaims>empty())
			.doOnNext((identity) -> write(exchange, event(exchange, time, start, identity.orElse(null), failure)))
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	private void write(ServerWebExchange exchange, AuditEvent event) {
		if (event.userId() != null) {
			exchange.getAttributes().put(AccessLog.USER_ATTRIBUTE, event.userId());
		}
		if (this.traces.isOn()) {
			this.traces.tag(exchange, spanTags(event));
		}
		this.writer.write(event);
	}

	private static KeyValues spanTags(AuditEvent event) {
		return KeyValues
			.of(KeyValue.of("edge.route", event.routeId()),
					KeyValue.of("edge.credential.mode",
							(event.credentialMode() != null) ? event.credentialMode() : "none"),
					KeyValue.of("edge.outcome", event.outcome().value()),
					KeyValue.of("edge.request_id", event.requestId()))
			.and((event.error() != null) ? KeyValues.of("edge.error", event.error()) : KeyValues.empty());
	}

	private AuditEvent event(ServerWebExchange exchange, Instant time, long start, @Nullable IdentityClaims identity,
			@Nullable Throwable failure) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		RouteCredential credential = exchange.getAttribute(RouteCredential.ATTRIBUTE);
		CredentialSpec spec = (credential != null) ? credential.spec() : null;
		String error = null;
		if (failure instanceof CredentialException refused) {
			error = refused.getErrorCode();
		}
		else if (failure instanceof AccessRuleException denial) {
			error = (denial.getRule() != null) ? denial.getRule() : "sign_in_required";
		}
		else if (failure instanceof StepUpRequiredException stepUp) {
			error = stepUp.isRetryFutile() ? "insufficient_user_authentication" : "step_up_required";
		}
		else if (failure != null) {
			error = failure.getClass().getSimpleName();
		}
		HttpStatusCode status = (failure == null) ? exchange.getResponse().getStatusCode() : null;
		return new AuditEvent(time, RequestIds.of(exchange), this.traces.traceId(exchange),
				(route != null) ? route.getId() : "(none)", (identity != null) ? identity.subject() : null,
				(identity != null) ? identity.tenant() : null, (identity != null) ? identity.issuer() : null,
				(spec != null) ? spec.mode().name() : null, (spec != null) ? spec.registration() : null,
				(spec != null) ? spec.audience() : null, (credential != null) ? credential.fingerprint() : null,
				(status != null) ? status.value() : null, (System.nanoTime() - start) / 1_000_000,
				outcome(failure, status), error);
	}

	private static AuditEvent.Outcome outcome(@Nullable Throwable failure, @Nullable HttpStatusCode status) {
		if (failure instanceof AccessRuleException) {
			return AuditEvent.Outcome.DENIED;
		}
		if (failure instanceof CredentialException) {
			return AuditEvent.Outcome.TOKEN_ERROR;
		}
		if (failure instanceof StepUpRequiredException) {
			return AuditEvent.Outcome.STEP_UP;
		}
		if (failure != null || (status != null && status.is5xxServerError())) {
			return AuditEvent.Outcome.UPSTREAM_ERROR;
		}
		return AuditEvent.Outcome.ALLOWED;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
