package io.edgegateway.routes;

import java.util.List;

import io.edgegateway.routes.precedence.RouteSpaces;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.cloud.gateway.filter.factory.AddRequestHeaderGatewayFilterFactory;
import org.springframework.cloud.gateway.handler.predicate.HeaderRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.HostRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.MethodRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A {@link RouteDefinitionValidator} over real Spring Cloud Gateway factories, without a
 * started gateway: the {@code Path} predicate and the {@code AddRequestHeader} filter.
 */
public final class TestRouteDefinitionValidators {

	private TestRouteDefinitionValidators() {
	}

	/**
	 * A validator that knows {@code Path} and {@code AddRequestHeader}.
	 * @return the validator
	 */
	public static RouteDefinitionValidator pathAndAddRequestHeader() {
		return new RouteDefinitionValidator(List.of(new AddRequestHeaderGatewayFilterFactory()),
				List.of(new PathRoutePredicateFactory(new WebFluxProperties())), configuration());
	}

	/**
	 * Reads route spaces with the {@code Path}, {@code Host}, {@code Method} and
	 * {@code Header} predicates.
	 * @return the reader
	 */
	public static RouteSpaces routeSpaces() {
		return new RouteSpaces(List.of(new PathRoutePredicateFactory(new WebFluxProperties()),
				new HostRoutePredicateFactory(), new MethodRoutePredicateFactory(), new HeaderRoutePredicateFactory()),
				configuration());
	}

	private static ConfigurationService configuration() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		return new ConfigurationService(new DefaultListableBeanFactory(), DefaultConversionService::getSharedInstance,
				() -> validator);
	}

}
