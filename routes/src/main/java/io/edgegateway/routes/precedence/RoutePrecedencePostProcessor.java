package io.edgegateway.routes.precedence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.route.CompositeRouteDefinitionLocator;

/**
 * Puts {@link PrecedenceRouteDefinitionLocator} in front of Spring Cloud Gateway's
 * composite route definition locator (the one every route locator reads), so every route
 * from every source is matched in the gateway's precedence.
 */
public final class RoutePrecedencePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<RoutePrecedence> precedence;

	public RoutePrecedencePostProcessor(ObjectProvider<RoutePrecedence> precedence) {
		this.precedence = precedence;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof CompositeRouteDefinitionLocator composite) {
			return new PrecedenceRouteDefinitionLocator(composite, this.precedence.getObject());
		}
		return bean;
	}

}
