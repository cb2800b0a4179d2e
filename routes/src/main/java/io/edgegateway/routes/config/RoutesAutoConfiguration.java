package io.edgegateway.routes.config;

import java.util.List;

import io.edgegateway.routes.RouteDefinitionValidator;
import io.edgegateway.routes.StartupRouteValidation;
import io.edgegateway.routes.file.RouteFileChecker;
import io.edgegateway.routes.file.RouteFilesLocator;
import io.edgegateway.routes.file.RoutesProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.GatewayFilterFactory;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Wires route validation.
 */
@AutoConfiguration(after = GatewayAutoConfiguration.class)
@ConditionalOnBean(RouteDefinitionLocator.class)
@EnableConfigurationProperties(RoutesProperties.class)
class RoutesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RouteDefinitionValidator routeDefinitionValidator(List<GatewayFilterFactory<?>> filters,
			List<RoutePredicateFactory<?>> predicates, ConfigurationService configurationService) {
		return new RouteDefinitionValidator(filters, predicates, configurationService);
	}

	@Bean
	@ConditionalOnProperty("edge.routes.directory")
	RouteFilesLocator routeFilesLocator(RoutesProperties properties, RouteDefinitionValidator validator,
			GatewayProperties gatewayProperties, ApplicationEventPublisher events) {
		return new RouteFilesLocator(properties.getDirectory(), properties.getReloadInterval(),
				RouteFileChecker.of(validator, properties), gatewayProperties::getDefaultFilters, events);
	}

	@Bean
	@ConditionalOnProperty(name = "edge.routes.validate-on-startup", matchIfMissing = true)
	StartupRouteValidation startupRouteValidation(RouteDefinitionLocator routeDefinitionLocator,
			GatewayProperties gatewayProperties, RouteDefinitionValidator validator) {
		return new StartupRouteValidation(routeDefinitionLocator, gatewayProperties, validator);
	}

}
