package io.edgegateway.app.session;

import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a browser session's user ({@link SignedInUser}, resolved once per request) the
 * session's {@link SessionDetails#tokenOwner() token owner}, so that the tokens minted
 * for the user are the session's: a session's logout or revocation forgets them and no
 * other session's. Runs right after the request's user is made available
 * ({@link SignedInUserWebFilter}); the session is read only when a filter asks for the
 * user, and then from the exchange, which has it already.
 */
final class SessionTokenOwnerWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<SignedInUser> user = exchange.getAttribute(SignedInUser.ATTRIBUTE);
		if (user != null) {
			exchange.getAttributes()
				.put(SignedInUser.ATTRIBUTE, user.flatMap((found) -> withTokenOwner(exchange, found)).cache());
		}
		return chain.filter(exchange);
	}

	private static Mono<SignedInUser> withTokenOwner(ServerWebExchange exchange, SignedInUser user) {
		if (user.kind() != SignedInUser.Kind.SESSION || user.tokenOwner() != null) {
			return Mono.just(user);
		}
		return exchange.getSession()
			.mapNotNull((session) -> session.<SessionDetails>getAttribute(SessionDetails.ATTRIBUTE))
			.mapNotNull(SessionDetails::tokenOwner)
			.map(user::withTokenOwner)
			.defaultIfEmpty(user);
	}

	@Override
	public int getOrder() {
		return SignedInUserWebFilter.ORDER + 1;
	}

}
