package io.edgegateway.filters.user;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request its {@link SignedInUser}, right after Spring Security has
 * authenticated it: one exchange attribute ({@link SignedInUser#ATTRIBUTE}) holding the
 * user, resolved from the principal at most once, when a filter first asks, and then
 * shared by every filter that reads it (identity headers, access rules, the token cache
 * key, the audit event). A request no filter asks about (a probe, a static path) never
 * resolves it. A security chain that already knows the user may put the attribute itself;
 * it is then left as it is.
 */
public final class SignedInUserWebFilter implements WebFilter, Ordered {

	/**
	 * The order: right after Spring Security's filter chain ({@code -100}), which makes
	 * the principal available.
	 */
	public static final int ORDER = -99;

	private final SignedInUserResolver resolver;

	public SignedInUserWebFilter(SignedInUserResolver resolver) {
		Assert.notNull(resolver, "resolver cannot be null");
		this.resolver = resolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getAttribute(SignedInUser.ATTRIBUTE) != null) {
			return chain.filter(exchange);
		}
		Mono<SignedInUser> user = exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.cast(Authentication.class)
			.flatMap((authentication) -> Mono.justOrEmpty(this.resolver.resolve(authentication)))
			.cache();
		exchange.getAttributes().put(SignedInUser.ATTRIBUTE, user);
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
