package io.edgegateway.routes.explain;

import java.util.List;

import io.edgegateway.routes.precedence.PrecedenceRule;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * Which route a described request matches, and why that one: the routes the gateway tried
 * before it that did not match, and the routes after it that would also have matched,
 * each with the precedence rule that put the winner first. When no route matches, the
 * routes that came closest.
 *
 * @param route the route that answers, or {@code null} when none matches (the gateway
 * answers {@code 404})
 * @param definition the matched route's definition, or {@code null} when none matches or
 * the route was not built from one
 * @param missed the routes tried before it that did not match, in the order tried
 * @param beaten the routes after it that also match, in the order tried
 * @param closest when no route matches, the few that came closest, closest first
 */
public record RouteMatch(@Nullable Route route, @Nullable RouteDefinition definition, List<Miss> missed,
		List<Beaten> beaten, List<Miss> closest) {

	public RouteMatch {
		missed = List.copyOf(missed);
		beaten = List.copyOf(beaten);
		closest = List.copyOf(closest);
	}

	/**
	 * A route that does not match the request.
	 *
	 * @param routeId the route
	 * @param source where it is declared: a route file, or the gateway's own
	 * configuration
	 * @param failed its predicates that fail, as declared (e.g. {@code Path=/finance/**})
	 */
	public record Miss(String routeId, String source, List<String> failed) {

		public Miss {
			failed = List.copyOf(failed);
		}

	}

	/**
	 * A route that matches the request too, but comes after the one that answers.
	 *
	 * @param routeId the route
	 * @param source where it is declared
	 * @param rule the precedence rule by which the answering route comes first
	 */
	public record Beaten(String routeId, String source, PrecedenceRule rule) {
	}

}
