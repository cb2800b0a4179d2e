package io.edgegateway.filters.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.style.ToStringCreator;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * {@code IdentityHeaders}: removes every identity header the client sent, then tells the
 * upstream who the user is (user id, email, groups, tenant, issuer) and which request
 * this is. Usable per route or as a default filter; the header and claim names are
 * gateway-wide settings ({@code edge.identity.*}).
 * <p>
 * A route may send fewer: {@code headers} names the identity headers its upstream gets
 * (the user id and the request id always), {@code groups-prefix} keeps only the groups
 * that start with it. A route that chooses so wins over the default filter: the default
 * one then leaves the request to the route's, wherever each runs. Without arguments it
 * sends all, as the default filter does.
 *
 * <pre>
 * filters:
 *   - name: IdentityHeaders
 *     args:
 *       headers: [ user-id, groups, tenant ]
 *       groups-prefix: analytics-
 * </pre>
 */
public class IdentityHeadersGatewayFilterFactory
		extends AbstractGatewayFilterFactory<IdentityHeadersGatewayFilterFactory.Config> {

	private final IdentityHeaderInjector injector;

	public IdentityHeadersGatewayFilterFactory(IdentityHeaderInjector injector) {
		super(Config.class);
		Assert.notNull(injector, "injector cannot be null");
		this.injector = injector;
	}

	@Override
	public GatewayFilter apply(Config config) {
		return new IdentityHeadersFilter(config.toSpec(), config.isRouteChoice());
	}

	/**
	 * The headers an upstream would receive from the filter, told without a request: the
	 * inbound identity headers removed, the gateway's own set.
	 * @param inbound the request's headers, left as they are
	 * @param identity the signed-in user, or {@code null} for none
	 * @param requestId the request id
	 * @param spec what the route's upstream receives
	 * @return the headers as the upstream would get them
	 */
	public HttpHeaders upstreamHeaders(HttpHeaders inbound, @Nullable IdentityClaims identity, String requestId,
			IdentityHeadersSpec spec) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(inbound);
		this.injector.apply(headers, identity, requestId, spec);
		return headers;
	}

	/**
	 * Whether the exchange's route has an {@code IdentityHeaders} filter with a choice of
	 * its own, which the default filter leaves the request to.
	 */
	private static boolean routeChoosesItsOwn(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return false;
		}
		for (GatewayFilter filter : route.getFilters()) {
			GatewayFilter delegate = (filter instanceof OrderedGatewayFilter ordered) ? ordered.getDelegate() : filter;
			if (delegate instanceof IdentityHeadersFilter own && own.routeChoice) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The filter of one route, or of the default filters.
	 */
	private final class IdentityHeadersFilter implements GatewayFilter {

		private final IdentityHeadersSpec spec;

		private final boolean routeChoice;

		IdentityHeadersFilter(IdentityHeadersSpec spec, boolean routeChoice) {
			this.spec = spec;
			this.routeChoice = routeChoice;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			if (!this.routeChoice && routeChoosesItsOwn(exchange)) {
				return chain.filter(exchange);
			}
			return SignedInUser.of(exchange)
				.map((user) -> Optional.of(user.claims()))
				.defaultIfEmpty(Optional.empty())
				.map((identity) -> withIdentityHeaders(exchange, identity.orElse(null)))
				.flatMap(chain::filter);
		}

		private ServerWebExchange withIdentityHeaders(ServerWebExchange exchange, @Nullable IdentityClaims identity) {
			String requestId = RequestIds.of(exchange);
			IdentityHeaderInjector injector = IdentityHeadersGatewayFilterFactory.this.injector;
			return exchange.mutate()
				.request((request) -> request
					.headers((headers) -> injector.apply(headers, identity, requestId, this.spec)))
				.build();
		}

		@Override
		public String toString() {
			ToStringCreator creator = filterToStringCreator(IdentityHeadersGatewayFilterFactory.this);
			return (this.routeChoice ? creator.append("spec", this.spec) : creator).toString();
		}

	}

	/**
	 * What the route's upstream receives: by default everything, as the default filter
	 * sends.
	 */
	public static class Config implements HasRouteId {

		private @Nullable String routeId;

		private @Nullable List<String> headers;

		private @Nullable String groupsPrefix;

		@Override
		public void setRouteId(String routeId) {
			this.routeId = routeId;
		}

		@Override
		public @Nullable String getRouteId() {
			return this.routeId;
		}

		public @Nullable List<String> getHeaders() {
			return this.headers;
		}

		public Config setHeaders(@Nullable List<String> headers) {
			this.headers = headers;
			return this;
		}

		public @Nullable String getGroupsPrefix() {
			return this.groupsPrefix;
		}

		public Config setGroupsPrefix(@Nullable String groupsPrefix) {
			this.groupsPrefix = groupsPrefix;
			return this;
		}

		/**
		 * Whether the route chose what its upstream receives.
		 * @return whether any argument is given
		 */
		public boolean isRouteChoice() {
			return this.headers != null || this.groupsPrefix != null;
		}

		/**
		 * The route's choice, resolved once per route.
		 * @return the spec
		 * @throws IllegalArgumentException naming the route and the field when an
		 * argument is unusable
		 */
		public IdentityHeadersSpec toSpec() {
			String route = (this.routeId != null) ? this.routeId : "(unnamed)";
			if (this.groupsPrefix != null && !StringUtils.hasText(this.groupsPrefix)) {
				throw new IllegalArgumentException("route '" + route + "': groups-prefix: cannot be empty");
			}
			if (this.headers == null) {
				return new IdentityHeadersSpec(IdentityHeadersSpec.DEFAULT.headers(), this.groupsPrefix);
			}
			EnumSet<IdentityHeader> chosen = EnumSet.noneOf(IdentityHeader.class);
			for (String name : this.headers) {
				chosen.add(IdentityHeader.named(name)
					.orElseThrow(() -> new IllegalArgumentException("route '" + route + "': headers: '" + name
							+ "' is not an identity header; known: " + IdentityHeader.names())));
			}
			return new IdentityHeadersSpec(chosen, this.groupsPrefix);
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", this.routeId)
				.append("headers", this.headers)
				.append("groupsPrefix", this.groupsPrefix)
				.toString();
		}

	}

}
