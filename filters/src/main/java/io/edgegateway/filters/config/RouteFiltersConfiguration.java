package io.edgegateway.filters.config;

import java.time.Clock;
import java.util.Map;

import io.edgegateway.filters.access.RequireClaimsGatewayFilterFactory;
import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.access.StepUpGatewayFilterFactory;
import io.edgegateway.filters.audit.AuditEventWriter;
import io.edgegateway.filters.audit.AuditGlobalFilter;
import io.edgegateway.filters.audit.LoggingAuditEventWriter;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityHeadersGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.logging.EventLog;
import io.edgegateway.filters.tracing.RequestTraces;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The route filters that need no identity provider: identity headers, access rules, and
 * the audit event of every proxied request.
 */
@Configuration(proxyBeanMethods = false)
class RouteFiltersConfiguration {

	/**
	 * The identity headers a client sent are removed, and so is an identity assertion it
	 * sent: on routes without {@code IdentityAssertion} too.
	 */
	@Bean
	@ConditionalOnMissingBean
	IdentityHeaderInjector identityHeaderInjector(IdentityProperties properties, AssertionProperties assertion) {
		return IdentityHeaderInjector.from(properties, Map.of("edge.assertion.header", assertion.getHeader()));
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityHeadersGatewayFilterFactory identityHeadersGatewayFilterFactory(IdentityHeaderInjector injector) {
		return new IdentityHeadersGatewayFilterFactory(injector);
	}

	@Bean
	@ConditionalOnMissingBean
	RequireClaimsGatewayFilterFactory requireClaimsGatewayFilterFactory() {
		return new RequireClaimsGatewayFilterFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	StepUpGatewayFilterFactory stepUpGatewayFilterFactory(Clock clock) {
		return new StepUpGatewayFilterFactory(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "edge.audit.enabled", matchIfMissing = true)
	AuditEventWriter auditEventWriter(Environment environment) {
		return new LoggingAuditEventWriter(EventLog.isStructured(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AuditEventWriter.class)
	AuditGlobalFilter auditGlobalFilter(AuditEventWriter writer, Clock clock, RequestTraces traces) {
		return new AuditGlobalFilter(writer, clock, traces);
	}

}
