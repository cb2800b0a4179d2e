package io.edgegateway.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.edgegateway.routes.metadata.RouteCors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * The CORS policy of each route that declares one ({@code metadata.cors}, read by
 * {@link RouteCors}), given to Spring's handler mapping the way it takes a handler's own
 * policy: the route's handler is also a {@link CorsConfigurationSource}. A route without
 * a policy keeps the plain handler, so its responses are left as they are, and a
 * preflight for it is answered without any CORS header, which a browser reads as a
 * refusal.
 * <p>
 * A policy is read once per route: routes are rebuilt when they are refreshed, and a
 * rebuilt route's policy is read again. A policy that cannot be read (route validation
 * refuses it; only a gateway started without validation gets here) allows no origin.
 */
final class RouteCorsPolicies {

	private static final Log logger = LogFactory.getLog(RouteCorsPolicies.class);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * The handler of a route.
	 * @param route the route that matched
	 * @param handler the gateway's handler
	 * @return the handler, with the route's CORS policy when it declares one
	 */
	Object handler(Route route, WebHandler handler) {
		if (!RouteCors.isDeclared(route.getMetadata())) {
			return handler;
		}
		Entry entry = this.entries.get(route.getId());
		if (entry == null || entry.route() != route) {
			entry = new Entry(route, withPolicy(route, handler));
			this.entries.put(route.getId(), entry);
		}
		return entry.handler();
	}

	private static Object withPolicy(Route route, WebHandler handler) {
		List<String> problems = new ArrayList<>();
		CorsConfiguration policy = RouteCors.read(route.getMetadata(), problems);
		if (policy == null) {
			logger.warn(
					"Route '" + route.getId() + "': its CORS policy cannot be read, no origin is allowed: " + problems);
			return handler;
		}
		return new PolicyHandler(handler, policy);
	}

	/**
	 * A route, and its handler.
	 */
	private record Entry(Route route, Object handler) {
	}

	/**
	 * The gateway's handler, with a route's CORS policy.
	 */
	private record PolicyHandler(WebHandler handler,
			CorsConfiguration policy) implements WebHandler, CorsConfigurationSource {

		@Override
		public Mono<Void> handle(ServerWebExchange exchange) {
			return this.handler.handle(exchange);
		}

		@Override
		public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
			return this.policy;
		}

	}

}
