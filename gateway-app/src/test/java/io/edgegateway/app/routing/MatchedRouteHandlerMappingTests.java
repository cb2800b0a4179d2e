package io.edgegateway.app.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.filter.cors.CorsGatewayFilterApplicationListener;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * The gateway's handler mapping: a request matched before the security chain is routed by
 * that match without matching again, and a preflight is answered by the CORS policy of
 * the route that matched, and of no other route.
 */
class MatchedRouteHandlerMappingTests {

	private static final String APP = "https://app.example.com";

	private static final String GATEWAY = "https://gateway.example.com";

	private static final Map<String, Object> POLICY = Map.of("cors",
			Map.of("allowedOrigins", List.of(APP), "allowedMethods", List.of("GET", "POST"), "allowedHeaders",
					List.of("Content-Type"), "allowCredentials", true, "maxAge", 600));

	private final FilteringWebHandler webHandler = new FilteringWebHandler(List.of(), false);

	@Test
	void getHandlerWhenMatchedBeforeTheSecurityChainThenRoutedByThatMatchAlone() {
		AtomicInteger evaluated = new AtomicInteger();
		Route route = Route.async().id("status").uri("http://status.internal").predicate((exchange) -> {
			evaluated.incrementAndGet();
			return true;
		}).build();
		MatchedRouteHandlerMapping mapping = mapping(route);
		MockServerWebExchange matched = MockServerWebExchange.from(MockServerHttpRequest.get("/status"));
		matched.getAttributes().put(RouteMatch.ATTRIBUTE, new RouteMatch(route));
		assertThat(mapping.getHandler(matched).block()).isSameAs(this.webHandler);
		assertThat(matched.<Route>getAttribute(GATEWAY_ROUTE_ATTR)).isSameAs(route);
		assertThat(evaluated).hasValue(0);
		assertThat(matched.getAttributes()).as("taken, so a forward is matched anew")
			.doesNotContainKey(RouteMatch.ATTRIBUTE);

		MockServerWebExchange none = MockServerWebExchange.from(MockServerHttpRequest.get("/status"));
		none.getAttributes().put(RouteMatch.ATTRIBUTE, RouteMatch.NONE);
		assertThat(mapping.getHandler(none).blockOptional()).isEmpty();
		assertThat(evaluated).hasValue(0);

		MockServerWebExchange unmatched = MockServerWebExchange.from(MockServerHttpRequest.get("/status"));
		assertThat(mapping.getHandler(unmatched).block()).isSameAs(this.webHandler);
		assertThat(evaluated).hasValue(1);
	}

	@Test
	void preflightWhenTheRouteHasAPolicyThenAnsweredFromIt() {
		MockServerWebExchange exchange = preflight("/api/orders", APP, "POST");
		mapping(RouteMatcherTests.route("orders", "/api/orders/**", POLICY)).getHandler(exchange).block();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(APP);
		assertThat(headers.getAccessControlAllowCredentials()).isTrue();
		assertThat(headers.getAccessControlAllowMethods()).containsExactly(HttpMethod.GET, HttpMethod.POST);
		assertThat(headers.getAccessControlMaxAge()).isEqualTo(600);
	}

	@Test
	void preflightWhenTheOriginOrMethodIsNotAllowedThen403() {
		MatchedRouteHandlerMapping mapping = mapping(RouteMatcherTests.route("orders", "/api/orders/**", POLICY));
		MockServerWebExchange otherOrigin = preflight("/api/orders", "https://evil.example", "GET");
		mapping.getHandler(otherOrigin).block();
		assertThat(otherOrigin.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(otherOrigin.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
		MockServerWebExchange otherMethod = preflight("/api/orders", APP, "DELETE");
		mapping.getHandler(otherMethod).block();
		assertThat(otherMethod.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	/**
	 * The orders route, first in order, has no policy; the api route's policy covers its
	 * paths. Spring Cloud Gateway's own listener files that policy under {@code /api/**}
	 * and answers the orders route's preflights with it; here the route that matched
	 * decides.
	 */
	@Test
	void preflightWhenAnotherRoutesPolicyCoversThePathThenOnlyTheMatchedRoutesPolicyCounts() {
		Route orders = RouteMatcherTests.route("orders", "/api/orders/**", Map.of());
		Route api = RouteMatcherTests.route("api", "/api/**", POLICY);
		MockServerWebExchange exchange = preflight("/api/orders/1", APP, "GET");
		mapping(orders, api).getHandler(exchange).block();
		assertThat(exchange.<Route>getAttribute(GATEWAY_ROUTE_ATTR)).isSameAs(orders);
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();

		RoutePredicateHandlerMapping scg = new RoutePredicateHandlerMapping(this.webHandler, locator(orders, api),
				new GlobalCorsProperties(), new MockEnvironment());
		new CorsGatewayFilterApplicationListener(new GlobalCorsProperties(), scg, locator(orders, api))
			.onApplicationEvent(new RefreshRoutesResultEvent(this));
		MockServerWebExchange scgExchange = preflight("/api/orders/1", APP, "GET");
		scg.getHandler(scgExchange).block();
		assertThat(scgExchange.getResponse().getHeaders().getAccessControlAllowOrigin()).as("Spring Cloud Gateway's")
			.isEqualTo(APP);
	}

	@Test
	void getHandlerWhenTheRouteHasNoPolicyThenPlainHandlerAndAPreflightGetsNoCorsHeaders() {
		MatchedRouteHandlerMapping mapping = mapping(RouteMatcherTests.route("orders", "/api/orders/**", Map.of()));
		MockServerWebExchange exchange = preflight("/api/orders", APP, "GET");
		mapping.getHandler(exchange).block();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
		MockServerWebExchange get = MockServerWebExchange
			.from(MockServerHttpRequest.get(GATEWAY + "/api/orders").header(HttpHeaders.ORIGIN, APP));
		assertThat(mapping.getHandler(get).block()).isSameAs(this.webHandler);
		assertThat(get.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
	}

	@Test
	void getHandlerWhenACrossOriginRequestOnARouteWithAPolicyThenItsResponseCarriesThePolicy() {
		MatchedRouteHandlerMapping mapping = mapping(RouteMatcherTests.route("orders", "/api/orders/**", POLICY));
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get(GATEWAY + "/api/orders").header(HttpHeaders.ORIGIN, APP));
		assertThat(mapping.getHandler(exchange).block()).isNotSameAs(this.webHandler);
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(APP);
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowCredentials()).isTrue();
	}

	private MatchedRouteHandlerMapping mapping(Route... routes) {
		return new MatchedRouteHandlerMapping(this.webHandler, locator(routes), new GlobalCorsProperties(),
				new MockEnvironment());
	}

	private static RouteLocator locator(Route... routes) {
		return () -> Flux.just(routes);
	}

	private static MockServerWebExchange preflight(String path, String origin, String method) {
		return MockServerWebExchange.from(MockServerHttpRequest.options(GATEWAY + path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method));
	}

}
