package io.edgegateway.app.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.edgegateway.filters.access.AccessRuleException;
import io.edgegateway.filters.access.AccessVerdict;
import io.edgegateway.filters.access.StepUpRequiredException;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.explain.FiltersExplanation;
import io.edgegateway.filters.explain.RouteFiltersExplainer;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;
import io.edgegateway.routes.explain.RequestDescription;
import io.edgegateway.routes.explain.RouteMatch;
import io.edgegateway.routes.explain.RouteMatchExplainer;
import io.edgegateway.routes.metadata.RouteAuth;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Explains a routing decision for a described request and a user's claims, the way the
 * gateway would make it, without calling any upstream or identity provider: the user the
 * claims make ({@link ClaimsUsers}), the route that answers and why
 * ({@link RouteMatchExplainer}), and what its filters would do
 * ({@link RouteFiltersExplainer}); then what the gateway would answer, checked in the
 * order a request meets the checks: a signed-in user (every request needs one but for a
 * public route's, which is served without reading one), a route, the access rules.
 */
public final class RouteExplainer {

	private final RouteMatchExplainer routes;

	private final RouteFiltersExplainer filters;

	private final ClaimsUsers users;

	private final String userIdClaim;

	private final Supplier<List<FilterDefinition>> defaultFilters;

	/**
	 * Create an explainer.
	 * @param routes explains which route answers
	 * @param filters explains what a route's filters would do
	 * @param authentication turns a token's claims into the authentication, as the
	 * gateway's bearer filter does
	 * @param users resolves the signed-in user, as the gateway does
	 * @param userIdClaim the claim that names the user
	 * ({@code edge.identity.claims.user-id})
	 * @param defaultFilters the gateway's default filters
	 */
	public RouteExplainer(RouteMatchExplainer routes, RouteFiltersExplainer filters,
			JwtAuthenticationConverter authentication, SignedInUserResolver users, String userIdClaim,
			Supplier<List<FilterDefinition>> defaultFilters) {
		this.routes = routes;
		this.filters = filters;
		this.users = new ClaimsUsers(authentication, users);
		this.userIdClaim = userIdClaim;
		this.defaultFilters = defaultFilters;
	}

	/**
	 * Explain the decision for a request.
	 * @param explained the request and its user's claims
	 * @return the explanation
	 * @throws IllegalArgumentException if the request makes no request URI or a claim has
	 * the wrong type
	 */
	public Mono<RouteExplanation> explain(ExplainRequest explained) {
		RequestDescription request = explained.request();
		Map<String, Object> claims = explained.claims();
		Optional<SignedInUser> user = this.users.from(claims);
		return this.routes.explain(request).map((match) -> explain(request, claims, user.orElse(null), match));
	}

	private RouteExplanation explain(RequestDescription request, Map<String, Object> claims,
			@Nullable SignedInUser signedIn, RouteMatch match) {
		Route route = match.route();
		RouteDefinition definition = match.definition();
		boolean open = route != null && RouteAuth.isPublic(route.getMetadata());
		// A public route's request is served without reading a user: its filters see
		// none.
		SignedInUser user = open ? null : signedIn;
		FiltersExplanation filters = (route != null && definition != null)
				? this.filters.explain(route.getId(), filtersOf(definition), headers(request), user)
				: FiltersExplanation.none();
		return new RouteExplanation(
				new RouteExplanation.Request(request.method().name(), request.host(), request.path()),
				decision(request, claims, user, route, open, filters), user(user),
				(route != null) ? matched(route, definition) : null,
				match.beaten()
					.stream()
					.map((beaten) -> new RouteExplanation.Beat(beaten.routeId(), beaten.source(),
							beaten.rule().description()))
					.toList(),
				match.missed(), match.closest(), (route != null) ? filters(route) : List.of(),
				filters.access().stream().map(RouteExplainer::access).toList(),
				filters.credentials().stream().map(RouteExplainer::credential).toList(), filters.identityHeaders(),
				filters.assertion());
	}

	/**
	 * What the gateway answers, in the order a request meets the checks: a public route
	 * needs no user; any other request needs one before any route is looked up; then a
	 * route, then each access rule in turn.
	 */
	private RouteExplanation.Decision decision(RequestDescription request, Map<String, Object> claims,
			@Nullable SignedInUser user, @Nullable Route route, boolean open, FiltersExplanation filters) {
		if (user == null && !open) {
			return new RouteExplanation.Decision("sign-in", HttpStatus.UNAUTHORIZED.value(), claims.isEmpty()
					? "No claims: every proxied request needs a signed-in user (a browser session or a bearer token)"
					: "The claims have no '" + this.userIdClaim
							+ "' (edge.identity.claims.user-id): the gateway sees no signed-in user");
		}
		if (route == null) {
			return new RouteExplanation.Decision("not-found", HttpStatus.NOT_FOUND.value(),
					"No route matches " + request);
		}
		for (AccessVerdict verdict : filters.access()) {
			RuntimeException refusal = verdict.refusal();
			if (refusal instanceof StepUpRequiredException) {
				return new RouteExplanation.Decision("step-up", HttpStatus.UNAUTHORIZED.value(),
						refusal.getMessage() + " (a bearer client is told so with insufficient_user_authentication;"
								+ " a browser is sent to sign in again)");
			}
			// With a user, an access rule refuses only for a condition the user does not
			// meet.
			if (refusal instanceof AccessRuleException denial) {
				return new RouteExplanation.Decision("denied", HttpStatus.FORBIDDEN.value(), denial.getMessage());
			}
		}
		List<CredentialSpec> credentials = filters.credentials();
		return new RouteExplanation.Decision("proxied", null,
				"Proxied to " + route.getUri()
						+ (open ? ", a public route (metadata.auth: public): no user is read" : "")
						+ (credentials.isEmpty() ? "" : " with " + credentials.get(0).mode().upstreamReceives()));
	}

	private List<FilterDefinition> filtersOf(RouteDefinition definition) {
		List<FilterDefinition> all = new ArrayList<>(this.defaultFilters.get());
		all.addAll(definition.getFilters());
		return all;
	}

	private static HttpHeaders headers(RequestDescription request) {
		HttpHeaders headers = new HttpHeaders();
		request.headers().forEach(headers::addAll);
		return headers;
	}

	private static RouteExplanation.@Nullable User user(@Nullable SignedInUser user) {
		if (user == null) {
			return null;
		}
		IdentityClaims claims = user.claims();
		return new RouteExplanation.User(claims.subject(), claims.email(), claims.groups(), claims.tenant(),
				claims.issuer(),
				user.authentication().getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
	}

	private static RouteExplanation.MatchedRoute matched(Route route, @Nullable RouteDefinition definition) {
		return new RouteExplanation.MatchedRoute(route.getId(), RouteMatchExplainer.source(definition),
				String.valueOf(route.getUri()), (definition != null)
						? definition.getPredicates().stream().map(RouteMatchExplainer::describe).toList() : List.of());
	}

	private static List<RouteExplanation.Filter> filters(Route route) {
		List<RouteExplanation.Filter> filters = new ArrayList<>();
		for (GatewayFilter filter : route.getFilters()) {
			GatewayFilter described = (filter instanceof OrderedGatewayFilter ordered) ? ordered.getDelegate() : filter;
			int order = (filter instanceof Ordered ordered) ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE;
			filters.add(new RouteExplanation.Filter(order, described.toString()));
		}
		return filters;
	}

	private static RouteExplanation.Access access(AccessVerdict verdict) {
		RuntimeException refusal = verdict.refusal();
		return new RouteExplanation.Access(verdict.filter(), verdict.allowed(), verdict.conditions(),
				(refusal != null) ? refusal.getMessage() : null);
	}

	private static RouteExplanation.Credential credential(CredentialSpec spec) {
		return new RouteExplanation.Credential(spec.mode().name(), spec.mode().upstreamReceives(), spec.registration(),
				spec.audience(), spec.resource(), spec.scopes());
	}

}
