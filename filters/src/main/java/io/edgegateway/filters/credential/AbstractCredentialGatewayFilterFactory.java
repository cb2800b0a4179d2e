package io.edgegateway.filters.credential;

import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.style.ToStringCreator;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * The shape every credential filter shares: prepare the route's credential once, then per
 * request obtain the token for the signed-in user and send it upstream as
 * {@code Authorization: Bearer}, replacing whatever the client sent. Without a user, or
 * without a token, the upstream is not called: the request ends in a
 * {@link CredentialException}.
 *
 * @param <C> the filter's arguments
 */
public abstract class AbstractCredentialGatewayFilterFactory<C extends CredentialConfig>
		extends AbstractGatewayFilterFactory<C> {

	private final CredentialService credentials;

	protected AbstractCredentialGatewayFilterFactory(Class<C> configClass, CredentialService credentials) {
		super(configClass);
		Assert.notNull(credentials, "credentials cannot be null");
		this.credentials = credentials;
	}

	@Override
	public final GatewayFilter apply(C config) {
		CredentialSpec spec = config.toSpec();
		CredentialSource source = this.credentials.prepare(spec);
		return new GatewayFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return obtainThenProxy(spec, source, exchange, chain);
			}

			@Override
			public String toString() {
				ToStringCreator creator = filterToStringCreator(AbstractCredentialGatewayFilterFactory.this);
				appendIfPresent(creator, "registration", spec.registration());
				appendIfPresent(creator, "audience", spec.audience());
				appendIfPresent(creator, "resource", spec.resource());
				if (!spec.scopes().isEmpty()) {
					creator.append("scopes", spec.scopes());
				}
				return creator.toString();
			}

		};
	}

	private static Mono<Void> obtainThenProxy(CredentialSpec spec, CredentialSource source, ServerWebExchange exchange,
			GatewayFilterChain chain) {
		return SignedInUser.of(exchange)
			.doOnNext(
					(user) -> exchange.getAttributes().put(RouteCredential.ATTRIBUTE, new RouteCredential(spec, null)))
			.switchIfEmpty(Mono
				.error(() -> CredentialException.signInRequired(spec.routeId(), spec.registration(), spec.mode())))
			.flatMap((user) -> source.obtain(user)
				.flatMap((token) -> chain.filter(withCredential(exchange, spec, token)))
				.then(Mono.defer(() -> rejectedUpstream(exchange) ? source.forget(user) : Mono.empty())));
	}

	private static void appendIfPresent(ToStringCreator creator, String name, @Nullable String value) {
		if (value != null) {
			creator.append(name, value);
		}
	}

	/**
	 * Whether the upstream answered {@code 401}: the token may have been revoked or
	 * rotated there before it expired.
	 */
	private static boolean rejectedUpstream(ServerWebExchange exchange) {
		return HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode());
	}

	private static ServerWebExchange withCredential(ServerWebExchange exchange, CredentialSpec spec,
			MintedToken token) {
		exchange.getAttributes().put(RouteCredential.ATTRIBUTE, new RouteCredential(spec, token.fingerprint()));
		return exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.setBearerAuth(token.value())))
			.build();
	}

}
