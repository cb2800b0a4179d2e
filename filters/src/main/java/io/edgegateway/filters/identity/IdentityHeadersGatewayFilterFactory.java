package io.edgegateway.filters.identity;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

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

	private final IdentityClaimsResolver claimsResolver;

	public IdentityHeadersGatewayFilterFactory(IdentityHeaderInjector injector, IdentityClaimsResolver claimsResolver) {
		super(Object.class);
		Assert.notNull(injector, "injector cannot be null");
		Assert.notNull(claimsResolver, "claimsResolver cannot be null");
		this.injector = injector;
		this.claimsResolver = claimsResolver;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> identityOf(exchange).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.map((identity) -> withIdentityHeaders(exchange, identity.orElse(null)))
			.flatMap(chain::filter);
	}

	private Mono<IdentityClaims> identityOf(ServerWebExchange exchange) {
		return SignedInUser.of(exchange)
			.flatMap((authentication) -> Mono.justOrEmpty(this.claimsResolver.resolve(authentication)));
	}

	private ServerWebExchange withIdentityHeaders(ServerWebExchange exchange, IdentityClaims identity) {
		String requestId = RequestIds.of(exchange);
		return exchange.mutate()
			.request((request) -> request.headers((headers) -> this.injector.apply(headers, identity, requestId)))
			.build();
	}

}
