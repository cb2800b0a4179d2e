package io.edgegateway.routes.config;

import java.util.List;

import io.edgegateway.routes.RouteDefinitionValidator;
import io.edgegateway.routes.StartupRouteValidation;
import io.edgegateway.routes.file.RouteFileChecker;
import io.edgegateway.routes.file.RouteFilesLocator;
import io.edgegateway.routes.file.RoutesProperties;
import io.edgegateway.routes.explain.RouteMatchExplainer;
import io.edgegateway.routes.precedence.RoutePrecedence;
import io.edgegateway.routes.precedence.RoutePrecedencePostProcessor;
import io.edgegateway.routes.precedence.RouteSpaces;

import org.springframework.beans.factory.ObjectProvider;

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
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Wires route validation, the precedence order of every route, and the explanation of a
 * routing decision.
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
	@ConditionalOnMissingBean
	RouteSpaces routeSpaces(List<RoutePredicateFactory<?>> predicates, ConfigurationService configurationService) {
		return new RouteSpaces(predicates, configurationService);
	}

	@Bean
	@ConditionalOnMissingBean
	RoutePrecedence routePrecedence(RouteSpaces spaces) {
		return new RoutePrecedence(spaces);
	}

	@Bean
	static RoutePrecedencePostProcessor routePrecedencePostProcessor(ObjectProvider<RoutePrecedence> precedence) {
		return new RoutePrecedencePostProcessor(precedence);
	}

	@Bean
	@ConditionalOnMissingBean
	RouteMatchExplainer routeMatchExplainer(RouteLocator routeLocator, RouteDefinitionLocator routeDefinitionLocator,
			RoutePrecedence precedence, RouteSpaces spaces, List<RoutePredicateFactory<?>> predicates,
			ConfigurationService configurationService) {
		return new RouteMatchExplainer(routeLocator, routeDefinitionLocator, precedence, spaces, predicates,
				configurationService);
	}

	@Bean
	@ConditionalOnProperty("edge.routes.directory")
	RouteFilesLocator routeFilesLocator(RoutesProperties properties, RouteDefinitionValidator validator,
			RouteSpaces spaces, GatewayProperties gatewayProperties, ApplicationEventPublisher events) {
		RouteFileChecker checker = RouteFileChecker.of(validator, spaces, properties);
		return new RouteFilesLocator(properties.getDirectory(), properties.getReloadInterval(), checker,
				gatewayProperties::getDefaultFilters, checker.claimsOf(gatewayProperties.getRoutes()), events);
	}

	@Bean
	@ConditionalOnProperty(name = "edge.routes.validate-on-startup", matchIfMissing = true)
	StartupRouteValidation startupRouteValidation(RouteDefinitionLocator routeDefinitionLocator,
			GatewayProperties gatewayProperties, RouteDefinitionValidator validator) {
		return new StartupRouteValidation(routeDefinitionLocator, gatewayProperties, validator);
	}

}
