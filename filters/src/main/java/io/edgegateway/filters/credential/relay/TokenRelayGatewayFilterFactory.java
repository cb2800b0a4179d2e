package io.edgegateway.filters.credential.relay;

import java.util.List;

import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.credential.CredentialMode;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.core.style.ToStringCreator;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code TokenRelay}: the upstream receives the signed-in user's own access token as
 * {@code Authorization: Bearer}. Unlike Spring Cloud Gateway's filter of the same name,
 * which it replaces, a request without a user or whose token cannot be refreshed never
 * reaches the upstream: it ends in {@code 401} (sign in again) or {@code 503} (identity
 * provider unreachable).
 *
 * <pre>
 * filters:
 *   - TokenRelay          # the registration the user signed in with
 *   - TokenRelay=idp      # a named registration
 * </pre>
 */
public class TokenRelayGatewayFilterFactory
		extends AbstractGatewayFilterFactory<TokenRelayGatewayFilterFactory.Config> {

	private final TokenRelayStrategy strategy;

	public TokenRelayGatewayFilterFactory(TokenRelayStrategy strategy) {
		super(Config.class);
		Assert.notNull(strategy, "strategy cannot be null");
		this.strategy = strategy;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("registration");
	}

	@Override
	public GatewayFilter apply(Config config) {
		String routeId = (config.getRouteId() != null) ? config.getRouteId() : "(unnamed)";
		String registration = config.getRegistration();
		return (exchange, chain) -> userOf(exchange)
			.switchIfEmpty(Mono
				.error(() -> CredentialException.signInRequired(routeId, registration, CredentialMode.TOKEN_RELAY)))
			.flatMap((user) -> this.strategy.accessToken(user, routeId, registration))
			.map((token) -> withBearerAuth(exchange, token))
			.flatMap(chain::filter);
	}

	private static Mono<Authentication> userOf(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.cast(Authentication.class)
			.filter(Authentication::isAuthenticated);
	}

	private static ServerWebExchange withBearerAuth(ServerWebExchange exchange, String token) {
		return exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.setBearerAuth(token)))
			.build();
	}

	/**
	 * The route's arguments.
	 */
	public static class Config implements HasRouteId {

		private @Nullable String routeId;

		/**
		 * Client registration whose token is relayed; default the one the user signed in
		 * with.
		 */
		private @Nullable String registration;

		@Override
		public void setRouteId(String routeId) {
			this.routeId = routeId;
		}

		@Override
		public @Nullable String getRouteId() {
			return this.routeId;
		}

		public @Nullable String getRegistration() {
			return this.registration;
		}

		public Config setRegistration(@Nullable String registration) {
			this.registration = registration;
			return this;
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", this.routeId)
				.append("registration", this.registration)
				.toString();
		}

	}

}
