package io.edgegateway.app.explain;

import java.util.List;

import io.edgegateway.filters.explain.RouteFiltersExplainer;
import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SignedInUserResolver;
import io.edgegateway.routes.explain.RouteMatchExplainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.GatewayFilterFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The explanation of routing decisions: the explainer, for the {@code routeexplain}
 * endpoint and the offline command alike, and the endpoint.
 */
@Configuration(proxyBeanMethods = false)
class RouteExplainConfiguration {

	@Bean
	RouteExplainer routeExplainer(RouteMatchExplainer routes, List<GatewayFilterFactory<?>> filters,
			ConfigurationService configurationService, ObjectProvider<JwtAuthenticationConverter> jwtAuthentication,
			SignedInUserResolver users, IdentityClaimsProperties claims, GatewayProperties gateway) {
		return new RouteExplainer(routes, new RouteFiltersExplainer(filters, configurationService),
				jwtAuthentication.getIfAvailable(JwtAuthenticationConverter::new), users, claims.getUserId(),
				gateway::getDefaultFilters);
	}

	@Bean
	RouteExplainEndpoint routeExplainEndpoint(RouteExplainer explainer, JsonMapper json) {
		return new RouteExplainEndpoint(explainer, json);
	}

}
