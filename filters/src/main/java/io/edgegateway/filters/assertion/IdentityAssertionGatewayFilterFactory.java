package io.edgegateway.filters.assertion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.core.style.ToStringCreator;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * {@code IdentityAssertion}: the upstream receives a short JWT, signed by the gateway,
 * that says who the user is ({@code sub} and the route's chosen claims), for which route
 * ({@code aud}) and until when, so it can verify the identity against the gateway's
 * published JWK set instead of trusting headers. Any inbound header of the same name is
 * removed first; an anonymous request on a public route gets no assertion.
 * <p>
 * Its length is the nested {@code Config} JavaBean that route files bind.
 *
 * <pre>
 * filters:
 *   - IdentityHeaders
 *   - name: IdentityAssertion
 *     args:
 *       audience: orders-api
 *       claims: [ email, groups ]
 * </pre>
 *
 * @see AssertionSigner
 */
public class IdentityAssertionGatewayFilterFactory
		extends AbstractGatewayFilterFactory<IdentityAssertionGatewayFilterFactory.Config> {

	/**
	 * After the identity headers, whatever the route's order of filters: a route's
	 * filters without an order of their own run in the order of their position.
	 */
	public static final int ORDER = 1000;

	private final AssertionProperties properties;

	private final @Nullable IdentityAssertions assertions;

	/**
	 * The filter factory.
	 * @param properties the gateway-wide settings: the default header, and whether keys
	 * are configured
	 * @param assertions signs and caches assertions; {@code null} where nothing is signed
	 * (the offline route validator)
	 */
	public IdentityAssertionGatewayFilterFactory(AssertionProperties properties,
			@Nullable IdentityAssertions assertions) {
		super(Config.class);
		Assert.notNull(properties, "properties cannot be null");
		this.properties = properties;
		this.assertions = assertions;
	}

	@Override
	public GatewayFilter apply(Config config) {
		AssertionSpec spec = spec(config);
		return new OrderedGatewayFilter(new GatewayFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return SignedInUser.of(exchange)
					.map((user) -> Optional.of(user.claims()))
					.defaultIfEmpty(Optional.empty())
					.map((user) -> withAssertion(exchange, spec, user.orElse(null)))
					.flatMap(chain::filter);
			}

			@Override
			public String toString() {
				return filterToStringCreator(IdentityAssertionGatewayFilterFactory.this).append("spec", spec)
					.toString();
			}

		}, ORDER);
	}

	/**
	 * What a route's assertion carries, as its filter would send it.
	 * @param config the route's arguments
	 * @return the spec
	 */
	public AssertionSpec spec(Config config) {
		return config.toSpec(this.properties);
	}

	private ServerWebExchange withAssertion(ServerWebExchange exchange, AssertionSpec spec,
			@Nullable IdentityClaims user) {
		String assertion = (user != null) ? signer().assertion(spec, user, RequestIds.of(exchange)) : null;
		return exchange.mutate().request((request) -> request.headers((headers) -> {
			headers.remove(spec.header());
			if (assertion != null) {
				headers.set(spec.header(), assertion);
			}
		})).build();
	}

	private IdentityAssertions signer() {
		if (this.assertions == null) {
			throw new IllegalStateException("No identity assertion signer: assertions are not signed here");
		}
		return this.assertions;
	}

	/**
	 * What the route's assertion carries.
	 */
	public static class Config implements HasRouteId {

		private @Nullable String routeId;

		private @Nullable String audience;

		private @Nullable List<String> claims;

		private @Nullable String header;

		private boolean perRequest;

		@Override
		public void setRouteId(String routeId) {
			this.routeId = routeId;
		}

		@Override
		public @Nullable String getRouteId() {
			return this.routeId;
		}

		public @Nullable String getAudience() {
			return this.audience;
		}

		public Config setAudience(@Nullable String audience) {
			this.audience = audience;
			return this;
		}

		public @Nullable List<String> getClaims() {
			return this.claims;
		}

		public Config setClaims(@Nullable List<String> claims) {
			this.claims = claims;
			return this;
		}

		public @Nullable String getHeader() {
			return this.header;
		}

		public Config setHeader(@Nullable String header) {
			this.header = header;
			return this;
		}

		public boolean isPerRequest() {
			return this.perRequest;
		}

		public Config setPerRequest(boolean perRequest) {
			this.perRequest = perRequest;
			return this;
		}

		/**
		 * The route's assertion, resolved once per route against the gateway's settings.
		 * @param properties the gateway-wide settings
		 * @return the spec
		 * @throws IllegalArgumentException naming the route and the field when an
		 * argument is unusable or no signing key is configured
		 */
		AssertionSpec toSpec(AssertionProperties properties) {
			String route = (this.routeId != null) ? this.routeId : "(unnamed)";
			if (properties.getKeys().isEmpty()) {
				throw new IllegalArgumentException("route '" + route
						+ "': IdentityAssertion: no signing key is configured (edge.assertion.keys.<kid>.private-key)");
			}
			String name = StringUtils.hasText(this.header) ? this.header.trim() : properties.getHeader();
			if (!IdentityHeaderInjector.isHeaderName(name)) {
				throw new IllegalArgumentException(
						"route '" + route + "': header: '" + name + "' is not a valid header name");
			}
			String aud = StringUtils.hasText(this.audience) ? this.audience.trim() : route;
			return new AssertionSpec(route, aud, claims(route), name, this.perRequest);
		}

		private List<AssertionClaim> claims(String route) {
			if (this.claims == null) {
				return AssertionClaim.DEFAULTS;
			}
			List<AssertionClaim> resolved = new ArrayList<>();
			for (String name : this.claims) {
				AssertionClaim claim = AssertionClaim.named(name)
					.orElseThrow(() -> new IllegalArgumentException(
							"route '" + route + "': claims: '" + name + "' is not an identity claim; known: "
									+ Arrays.stream(AssertionClaim.values()).map(AssertionClaim::claimName).toList()));
				if (!resolved.contains(claim)) {
					resolved.add(claim);
				}
			}
			return resolved;
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", this.routeId)
				.append("audience", this.audience)
				.append("claims", this.claims)
				.append("header", this.header)
				.append("perRequest", this.perRequest)
				.toString();
		}

	}

}
