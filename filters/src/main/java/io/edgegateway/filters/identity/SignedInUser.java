package io.edgegateway.filters.identity;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user of an exchange, as every filter of the gateway reads it.
 */
public final class SignedInUser {

	private SignedInUser() {
	}

	/**
	 * The exchange's authenticated user.
	 * @param exchange the exchange
	 * @return the user, empty when there is none or it is not authenticated
	 */
	public static Mono<Authentication> of(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.cast(Authentication.class)
			.filter(Authentication::isAuthenticated);
	}

}
