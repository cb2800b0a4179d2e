package io.edgegateway.app.validation;

import java.util.List;

import io.edgegateway.app.bearer.JwtAuthenticationConverters;
import io.edgegateway.app.explain.ExplainRequest;
import io.edgegateway.app.explain.RouteExplainer;
import io.edgegateway.app.explain.RouteExplanation;
import io.edgegateway.filters.explain.RouteFiltersExplainer;
import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SignedInUserResolver;
import io.edgegateway.routes.explain.RouteMatchExplainer;
import io.edgegateway.routes.precedence.PrecedenceRouteDefinitionLocator;
import io.edgegateway.routes.precedence.RoutePrecedence;
import io.edgegateway.routes.precedence.RouteSpaces;
import reactor.core.publisher.Flux;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.GatewayFilterFactory;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.CachingRouteLocator;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The explanation of a routing decision without a running gateway ({@code --explain}):
 * the routes that would serve built as the gateway builds them (its precedence, its
 * factories, its default filters), then explained by the same {@link RouteExplainer} as
 * the {@code routeexplain} endpoint, with the claims read by the configuration's own
 * settings. Nothing is called: the offline gateway resolves no registration and obtains
 * no token.
 */
final class OfflineExplainer {

	private static final String RESOURCE_SERVER = "spring.security.oauth2.resourceserver";

	private final RouteExplainer explainer;

	/**
	 * Build the routes and the explainer.
	 * @param context the offline gateway
	 * @param serving the routes that would serve, the application's own first, then the
	 * route files', in the order they are read
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	OfflineExplainer(ConfigurableApplicationContext context, List<RouteDefinition> serving) {
		List<RoutePredicateFactory<?>> predicates = (List) context.getBeanProvider(RoutePredicateFactory.class)
			.orderedStream()
			.toList();
		List<GatewayFilterFactory<?>> filters = (List) context.getBeanProvider(GatewayFilterFactory.class)
			.orderedStream()
			.toList();
		ConfigurationService configurationService = context.getBean(ConfigurationService.class);
		GatewayProperties gateway = context.getBean(GatewayProperties.class);
		RouteSpaces spaces = new RouteSpaces(predicates, configurationService);
		RoutePrecedence precedence = new RoutePrecedence(spaces);
		RouteDefinitionLocator definitions = new PrecedenceRouteDefinitionLocator(() -> Flux.fromIterable(serving),
				precedence);
		CachingRouteLocator routes = new CachingRouteLocator(new RouteDefinitionRouteLocator(definitions,
				(List) predicates, (List) filters, gateway, configurationService));
		OAuth2ResourceServerProperties resourceServer = Binder.get(context.getEnvironment())
			.bindOrCreate(RESOURCE_SERVER, OAuth2ResourceServerProperties.class);
		this.explainer = new RouteExplainer(
				new RouteMatchExplainer(routes, definitions, precedence, spaces, predicates, configurationService),
				new RouteFiltersExplainer(filters, configurationService),
				JwtAuthenticationConverters.of(resourceServer), context.getBean(SignedInUserResolver.class),
				context.getBean(IdentityClaimsProperties.class).getUserId(), gateway::getDefaultFilters);
	}

	/**
	 * Explain a request.
	 * @param request the request and its user's claims
	 * @return the explanation
	 * @throws IllegalArgumentException if the request makes no request URI or a claim has
	 * the wrong type
	 */
	RouteExplanation explain(ExplainRequest request) {
		return this.explainer.explain(request).block();
	}

}
