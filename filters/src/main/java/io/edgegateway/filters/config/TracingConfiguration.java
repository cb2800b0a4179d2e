package io.edgegateway.filters.config;

import io.edgegateway.filters.tracing.ProviderWebClients;
import io.edgegateway.filters.tracing.RequestTraces;
import io.edgegateway.filters.tracing.Spans;
import io.edgegateway.filters.tracing.TracingProperties;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing's parts, each a no-op unless {@code edge.tracing.enabled}: the request's span
 * and trace id, the token service's spans, the identity providers' web clients.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestTraces requestTraces(TracingProperties properties) {
		return properties.isEnabled() ? RequestTraces.on() : RequestTraces.off();
	}

	@Bean
	@ConditionalOnMissingBean
	Spans edgeSpans(TracingProperties properties, ObjectProvider<ObservationRegistry> registry) {
		return properties.isEnabled() ? Spans.of(registry.getIfAvailable(() -> ObservationRegistry.NOOP)) : Spans.off();
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderWebClients providerWebClients(TracingProperties properties, ObjectProvider<ObservationRegistry> registry) {
		return properties.isEnabled()
				? ProviderWebClients.traced(registry.getIfAvailable(() -> ObservationRegistry.NOOP))
				: ProviderWebClients.untraced();
	}

}
