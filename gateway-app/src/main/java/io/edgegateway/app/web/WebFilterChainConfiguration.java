package io.edgegateway.app.web;

import java.util.List;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * The application's web filters run as one {@link UncheckpointedWebFilterChain}, without
 * a Reactor checkpoint per filter.
 */
@Configuration(proxyBeanMethods = false)
class WebFilterChainConfiguration {

	@Bean
	WebHttpHandlerBuilderCustomizer uncheckpointedWebFilters() {
		return (builder) -> builder.filters((filters) -> {
			List<WebFilter> all = List.copyOf(filters);
			filters.clear();
			filters.add((exchange, chain) -> UncheckpointedWebFilterChain.of(all, chain).filter(exchange));
		});
	}

}
