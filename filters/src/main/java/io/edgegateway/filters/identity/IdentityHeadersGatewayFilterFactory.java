package io.edgegateway.filters.identity;

import java.util.Optional;

import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * {@code IdentityHeaders}: removes every identity header the client sent, then tells the
 * upstream who the user is (user id, email, groups, tenant) and which request this is.
 * Usable per route or as a default filter; it takes no arguments, the header and claim
 * names are gateway-wide settings ({@code edge.identity.*}).
 *
 * <pre>
 * filters:
 *   - IdentityHeaders
 * </pre>
 */
public class IdentityHeadersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final IdentityHeaderInjector injector;

	public IdentityHeadersGatewayFilterFactory(IdentityHeaderInjector injector) {
		super(Object.class);
		Assert.notNull(injector, "injector cannot be null");
		this.injector = injector;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return new GatewayFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return SignedInUser.of(exchange)
					.map((user) -> Optional.of(user.claims()))
					.defaultIfEmpty(Optional.empty())
					.map((identity) -> withIdentityHeaders(exchange, identity.orElse(null)))
					.flatMap(chain::filter);
			}

			@Override
			public String toString() {
				return filterToStringCreator(IdentityHeadersGatewayFilterFactory.this).toString();
			}

		};
	}

	/**
	 * The headers an upstream would receive from the filter, told without a request: the
	 * inbound identity headers removed, the gateway's own set.
	 * @param inbound the request's headers, left as they are
	 * @param identity the signed-in user, or {@code null} for none
	 * @param requestId the request id
	 * @return the headers as the upstream would get them
	 */
	public HttpHeaders upstreamHeaders(HttpHeaders inbound, @Nullable IdentityClaims identity, String requestId) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(inbound);
		this.injector.apply(headers, identity, requestId);
		return headers;
	}

	private ServerWebExchange withIdentityHeaders(ServerWebExchange exchange, @Nullable IdentityClaims identity) {
		String requestId = RequestIds.of(exchange);
		return exchange.mutate()
			.request((request) -> request.headers((headers) -> this.injector.apply(headers, identity, requestId)))
			.build();
	}

}
