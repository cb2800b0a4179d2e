package io.edgegateway.filters.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.edgegateway.filters.access.AccessRule;
import io.edgegateway.filters.access.AccessVerdict;
import io.edgegateway.filters.assertion.AssertionSpec;
import io.edgegateway.filters.assertion.IdentityAssertionGatewayFilterFactory;
import io.edgegateway.filters.credential.AbstractCredentialGatewayFilterFactory;
import io.edgegateway.filters.credential.CredentialConfig;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.identity.IdentityHeadersGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityHeadersSpec;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.factory.GatewayFilterFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.http.HttpHeaders;

/**
 * Explains what a route's filters would do for a user, without a request and without
 * calling anyone. Each filter's arguments are bound by the gateway's own factory, as when
 * the route was built; then each access rule tells its verdict by the checks its filter
 * makes ({@link AccessRule}), each credential filter its {@link CredentialSpec} (nothing
 * is minted: the identity provider is never called), {@code IdentityHeaders} the headers
 * the upstream would receive, and {@code IdentityAssertion} the claims its assertion
 * would carry (nothing is signed).
 */
public final class RouteFiltersExplainer {

	/**
	 * What stands for the request id in the identity headers of an explanation: each
	 * request has its own.
	 */
	public static final String REQUEST_ID = "<request id>";

	private final Map<String, GatewayFilterFactory<?>> factories;

	private final ConfigurationService configurationService;

	public RouteFiltersExplainer(List<GatewayFilterFactory<?>> factories, ConfigurationService configurationService) {
		this.factories = factories.stream()
			.collect(Collectors.toMap(GatewayFilterFactory::name, Function.identity(), (first, second) -> second));
		this.configurationService = configurationService;
	}

	/**
	 * Explain a route's filters for a user.
	 * @param routeId the route
	 * @param filters the route's filters, the gateway's default filters first
	 * @param inbound the request's headers
	 * @param user the signed-in user, or {@code null} for none
	 * @return what the filters would do
	 */
	@SuppressWarnings("unchecked")
	public FiltersExplanation explain(String routeId, List<FilterDefinition> filters, HttpHeaders inbound,
			@Nullable SignedInUser user) {
		List<AccessVerdict> access = new ArrayList<>();
		List<CredentialSpec> credentials = new ArrayList<>();
		FiltersExplanation.IdentityHeaders identityHeaders = null;
		FiltersExplanation.Assertion assertion = null;
		for (FilterDefinition filter : filters) {
			GatewayFilterFactory<?> factory = this.factories.get(filter.getName());
			if (factory instanceof AccessRule<?> rule) {
				access.add(((AccessRule<Object>) rule).verdict(bind(factory, filter, routeId), user));
			}
			else if (factory instanceof AbstractCredentialGatewayFilterFactory<?>) {
				credentials.add(((CredentialConfig) bind(factory, filter, routeId)).toSpec());
			}
			else if (factory instanceof IdentityHeadersGatewayFilterFactory identity) {
				// the route's own choice wins over the default filter's, as in
				// IdentityHeaders
				IdentityHeadersGatewayFilterFactory.Config config = (IdentityHeadersGatewayFilterFactory.Config) bind(
						factory, filter, routeId);
				if (identityHeaders == null || config.isRouteChoice()) {
					identityHeaders = identityHeaders(identity, config.toSpec(), inbound,
							(user != null) ? user.claims() : null);
				}
			}
			else if (factory instanceof IdentityAssertionGatewayFilterFactory assertions) {
				AssertionSpec spec = assertions
					.spec((IdentityAssertionGatewayFilterFactory.Config) bind(factory, filter, routeId));
				assertion = new FiltersExplanation.Assertion(spec.header(), spec.audience(), spec.perRequest(),
						(user != null) ? spec.identityClaimsOf(user.claims()) : Map.of());
			}
		}
		access.sort(Comparator.comparingInt(AccessVerdict::order));
		return new FiltersExplanation(access, credentials, identityHeaders, assertion);
	}

	@SuppressWarnings("unchecked")
	private Object bind(GatewayFilterFactory<?> factory, FilterDefinition filter, String routeId) {
		Object config = this.configurationService.with((GatewayFilterFactory<Object>) factory)
			.name(filter.getName())
			.properties(filter.getArgs())
			.bind();
		if (config instanceof HasRouteId hasRouteId) {
			hasRouteId.setRouteId(routeId);
		}
		return config;
	}

	/**
	 * The headers the gateway sets (what it sends for a request that brought none) and
	 * the inbound headers it removes or replaces.
	 */
	private static FiltersExplanation.IdentityHeaders identityHeaders(IdentityHeadersGatewayFilterFactory factory,
			IdentityHeadersSpec spec, HttpHeaders inbound, @Nullable IdentityClaims identity) {
		HttpHeaders own = factory.upstreamHeaders(new HttpHeaders(), identity, REQUEST_ID, spec);
		HttpHeaders upstream = factory.upstreamHeaders(inbound, identity, REQUEST_ID, spec);
		Map<String, String> set = new LinkedHashMap<>();
		own.headerNames().stream().sorted().forEach((name) -> set.put(name, String.join(",", own.getOrEmpty(name))));
		List<String> removed = inbound.headerNames()
			.stream()
			.filter((name) -> own.containsHeader(name) || !upstream.containsHeader(name))
			.toList();
		return new FiltersExplanation.IdentityHeaders(set, removed);
	}

}
