package io.edgegateway.routes.explain;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.edgegateway.routes.precedence.PrecedenceRouteDefinitionLocator;
import io.edgegateway.routes.precedence.PrecedenceRule;
import io.edgegateway.routes.precedence.RoutePrecedence;
import io.edgegateway.routes.precedence.RouteSpaces;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.HeaderRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.HostRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.MethodRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.PathRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.CachingRouteLocator;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpMethod;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which route a described request matches, over Spring Cloud Gateway's own route locators
 * and predicate factories: the routes tried before it with the predicates that fail, the
 * routes it beats with the rule, the closest routes when none matches.
 */
class RouteMatchExplainerTests {

	private static final List<RoutePredicateFactory<?>> PREDICATES = List.of(
			new PathRoutePredicateFactory(new WebFluxProperties()), new HostRoutePredicateFactory(),
			new MethodRoutePredicateFactory(), new HeaderRoutePredicateFactory());

	private final ConfigurationService configuration = configuration();

	private final RouteSpaces spaces = new RouteSpaces(PREDICATES, this.configuration);

	private final RoutePrecedence precedence = new RoutePrecedence(this.spaces);

	@Test
	void explainWhenTwoRoutesMatchThenTheFirstInPrecedenceAnswersAndBeatsTheOtherByItsRule() {
		RouteMatch match = explain(HttpMethod.GET, "/api/orders/7", Map.of(), route("catch-all", null, "Path=/**"),
				route("orders", "orders.yaml", "Path=/api/orders/**"),
				route("orders-post", "orders.yaml", "Path=/api/orders/**", "Method=POST"));
		assertThat(match.route().getId()).isEqualTo("orders");
		assertThat(match.definition().getMetadata()).containsEntry("route-file", "orders.yaml");
		assertThat(match.missed())
			.containsExactly(new RouteMatch.Miss("orders-post", "orders.yaml", List.of("Method=POST")));
		assertThat(match.beaten()).containsExactly(new RouteMatch.Beaten("catch-all", "the gateway's own configuration",
				PrecedenceRule.LONGER_PATH_PREFIX));
		assertThat(match.closest()).isEmpty();
	}

	@Test
	void explainWhenEveryPredicateOfARouteIsTriedThenEachOneThatFailsIsNamed() {
		RouteMatch match = explain(HttpMethod.DELETE, "/api/orders", Map.of("X-Beta", List.of("on")),
				route("shop", "shop.yaml", "Host=shop.example.com", "Path=/api/**", "Method=GET"),
				route("beta", "beta.yaml", "Path=/api/**", "Header=X-Beta, on"));
		assertThat(match.route().getId()).isEqualTo("beta");
		assertThat(match.missed())
			.containsExactly(new RouteMatch.Miss("shop", "shop.yaml", List.of("Host=shop.example.com", "Method=GET")));
	}

	@Test
	void explainWhenNothingMatchesThenTheRoutesWithTheFewestFailingPredicatesAndTheLongestPathMatchAreClosest() {
		RouteMatch match = explain(HttpMethod.DELETE, "/reports/2026", Map.of(),
				route("shop", "shop.yaml", "Path=/shop/**"), route("finance", "finance.yaml", "Path=/finance/**"),
				route("archive", "reports.yaml", "Path=/reports/{year}/archive", "Method=GET"),
				route("reports", "reports.yaml", "Path=/reports/{year}", "Method=GET"));
		assertThat(match.route()).isNull();
		assertThat(match.missed()).isEmpty();
		assertThat(match.closest()).extracting(RouteMatch.Miss::routeId).containsExactly("reports", "finance", "shop");
		assertThat(match.closest().get(0).failed()).containsExactly("Method=GET");
	}

	@Test
	void explainWhenThePathIsNoRequestPathThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RequestDescription(HttpMethod.GET, null, "finance", Map.of()))
			.withMessage("path must start with '/', was 'finance'");
		RouteMatchExplainer explainer = explainer(route("any", null, "Path=/**"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> explainer.explain(new RequestDescription(HttpMethod.GET, null, "/a b", Map.of())));
	}

	@Test
	void describeThenThePredicateAsARouteFileDeclaresIt() {
		assertThat(RouteMatchExplainer.describe(new PredicateDefinition("Path=/api/**,/v2/**")))
			.isEqualTo("Path=/api/**,/v2/**");
		PredicateDefinition named = new PredicateDefinition();
		named.setName("Header");
		named.getArgs().put("header", "X-Beta");
		assertThat(RouteMatchExplainer.describe(named)).isEqualTo("Header={header=X-Beta}");
	}

	private RouteMatch explain(HttpMethod method, String path, Map<String, List<String>> headers,
			RouteDefinition... routes) {
		return explainer(routes).explain(new RequestDescription(method, null, path, headers)).block();
	}

	private RouteMatchExplainer explainer(RouteDefinition... routes) {
		RouteDefinitionLocator definitions = new PrecedenceRouteDefinitionLocator(() -> Flux.just(routes),
				this.precedence);
		CachingRouteLocator live = new CachingRouteLocator(new RouteDefinitionRouteLocator(definitions,
				List.copyOf(PREDICATES), List.of(), new GatewayProperties(), this.configuration));
		return new RouteMatchExplainer(live, definitions, this.precedence, this.spaces, PREDICATES, this.configuration);
	}

	private static RouteDefinition route(String id, String file, String... predicates) {
		RouteDefinition route = new RouteDefinition();
		route.setId(id);
		route.setUri(URI.create("http://upstream.internal"));
		route.setPredicates(Stream.of(predicates).map(PredicateDefinition::new).toList());
		if (file != null) {
			route.getMetadata().put(PrecedenceRouteDefinitionLocator.ROUTE_FILE_METADATA, file);
		}
		return route;
	}

	private static ConfigurationService configuration() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		return new ConfigurationService(new DefaultListableBeanFactory(),
				ApplicationConversionService::getSharedInstance, () -> validator);
	}

}
