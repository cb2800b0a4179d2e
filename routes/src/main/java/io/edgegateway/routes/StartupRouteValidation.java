package io.edgegateway.routes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;

/**
 * Refuses to start a gateway whose configured routes are invalid, listing every problem,
 * instead of starting with those routes silently missing. Routes of the application's
 * configuration pass no schema, so their URI's scheme is checked here; route files have
 * theirs checked by the schema when they load.
 */
public final class StartupRouteValidation implements SmartInitializingSingleton {

	private final RouteDefinitionLocator routes;

	private final GatewayProperties gateway;

	private final RouteDefinitionValidator validator;

	public StartupRouteValidation(RouteDefinitionLocator routes, GatewayProperties gateway,
			RouteDefinitionValidator validator) {
		this.routes = routes;
		this.gateway = gateway;
		this.validator = validator;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<RouteDefinition> definitions = this.routes.getRouteDefinitions().collectList().block();
		List<String> problems = new ArrayList<>();
		if (definitions != null) {
			for (RouteDefinition definition : definitions) {
				URI uri = definition.getUri();
				if (uri == null || uri.getScheme() == null) {
					problems.add("route '" + definition.getId() + "': uri: '" + uri
							+ "' needs a scheme (http, https, lb, ...)");
				}
				problems.addAll(this.validator.validate(definition, this.gateway.getDefaultFilters()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRoutesException(problems);
		}
	}

}
