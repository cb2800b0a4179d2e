package io.edgegateway.routes;

import java.util.List;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.cloud.gateway.filter.factory.AddRequestHeaderGatewayFilterFactory;
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
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		ConfigurationService configuration = new ConfigurationService(new DefaultListableBeanFactory(),
				DefaultConversionService::getSharedInstance, () -> validator);
		return new RouteDefinitionValidator(List.of(new AddRequestHeaderGatewayFilterFactory()),
				List.of(new PathRoutePredicateFactory(new WebFluxProperties())), configuration);
	}

}
