package io.edgegateway.filters.config;

import io.edgegateway.filters.edge.ClientAddressHeadersFilter;
import io.edgegateway.filters.edge.ConnectionOptionsWebFilter;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.logging.EventLog;
import io.edgegateway.filters.logging.RequestMdc;
import io.edgegateway.filters.logging.RequestMdcProperties;
import io.edgegateway.filters.request.AccessLog;
import io.edgegateway.filters.request.RequestIdWebFilter;
import io.edgegateway.filters.tracing.RequestTraces;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What every request meets first: the edge (connection options, the upstream's view of
 * the client) and the request id.
 */
@Configuration(proxyBeanMethods = false)
class RequestConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConnectionOptionsWebFilter connectionOptionsWebFilter() {
		return new ConnectionOptionsWebFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAddressHeadersFilter clientAddressHeadersFilter() {
		return new ClientAddressHeadersFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdWebFilter requestIdWebFilter(IdentityProperties properties, RequestTraces traces, RequestMdcProperties mdc,
			Environment environment) {
		AccessLog accessLog = new AccessLog(EventLog.isStructured(environment),
				environment.getProperty("management.endpoints.web.base-path", "/actuator"));
		boolean idFollowsRequest = mdc.isEnabled();
		if (idFollowsRequest) {
			RequestMdc.followRequests();
		}
		return new RequestIdWebFilter(properties.getHeaders().getRequestId(), accessLog, traces, idFollowsRequest);
	}

}
