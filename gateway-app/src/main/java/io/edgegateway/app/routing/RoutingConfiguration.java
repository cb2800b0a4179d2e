package io.edgegateway.app.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.accept.ApiVersionStrategy;

/**
 * Routing: the match before the security chain, the handler mapping that routes by it (in
 * place of Spring Cloud Gateway's, which backs off), and routes' CORS policies.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	RouteMatcher routeMatcher(RouteLocator routes) {
		return new RouteMatcher(routes);
	}

	@Bean
	MatchedRouteHandlerMapping matchedRouteHandlerMapping(FilteringWebHandler webHandler, RouteLocator routes,
			GlobalCorsProperties globalCors, Environment environment, ObjectProvider<ApiVersionStrategy> apiVersions) {
		MatchedRouteHandlerMapping mapping = new MatchedRouteHandlerMapping(webHandler, routes, globalCors,
				environment);
		apiVersions.ifAvailable(mapping::setApiVersionStrategy);
		return mapping;
	}

	@Bean
	UpstreamCorsHeadersFilter upstreamCorsHeadersFilter() {
		return new UpstreamCorsHeadersFilter();
	}

}
