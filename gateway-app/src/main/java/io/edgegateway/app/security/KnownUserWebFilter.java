package io.edgegateway.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.edgegateway.app.web.UncheckpointedWebFilterChain;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.authorization.ExceptionTranslationWebFilter;
import org.springframework.security.web.server.context.ReactorContextWebFilter;
import org.springframework.security.web.server.context.SecurityContextServerWebExchange;
import org.springframework.security.web.server.context.SecurityContextServerWebExchangeWebFilter;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.savedrequest.ServerRequestCacheWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Spring Security's filter chain for proxied traffic, with a short way through it for a
 * request whose user is already known: a bearer token verified before
 * ({@link KnownBearerTokens}), or the cookie of a signed-in session on a request that
 * CSRF does not protect, from a browser that holds its CSRF cookie, and that does not
 * return from sign-in ({@code ?continue}). Such a request gets what the full chain would
 * give it, from one filter instead of ten: the security headers (the chain's own writer),
 * the authentication as the exchange's principal and in the Reactor context (with the
 * exchange), and the {@link SignedInUser}. Every other request runs the full chain: no
 * session or a signed-out one, a token not seen before or refused now, a write that CSRF
 * protects, the first request of a browser without the CSRF cookie, the return from
 * sign-in, an {@code Authorization} header that is no bearer token.
 * <p>
 * The full chain may only hold the filters this short way stands in for; any other stops
 * the gateway at startup, so a filter added to the chain later is never skipped
 * unnoticed.
 */
final class KnownUserWebFilter implements WebFilter {

	private static final String SECURITY = "org.springframework.security.";

	/**
	 * The full chain's filters the short way stands in for, for a known user: each one
	 * either does nothing for such a request, or what is done here.
	 */
	private static final Set<String> STOOD_IN_FOR = Set.of(
			SECURITY + "config.web.server.ServerHttpSecurity$ServerWebExchangeReactorContextWebFilter",
			HttpHeaderWriterWebFilter.class.getName(), CsrfWebFilter.class.getName(),
			CsrfCookieWebFilter.class.getName(), ReactorContextWebFilter.class.getName(),
			AuthenticationWebFilter.class.getName(), SecurityContextServerWebExchangeWebFilter.class.getName(),
			ServerRequestCacheWebFilter.class.getName(), ExceptionTranslationWebFilter.class.getName(),
			AuthorizationWebFilter.class.getName());

	private static final SecurityContext NO_CONTEXT = new SecurityContextImpl();

	private static final String SIGN_IN_RETURN_PARAMETER = "continue";

	private final List<WebFilter> fullChain;

	private final @Nullable WebFilter headers;

	private final ServerSecurityContextRepository contexts;

	private final WebSessionIdResolver sessionIds;

	private final KnownBearerTokens bearerTokens;

	private final SignedInUserResolver users;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/**
	 * Create the filter.
	 * @param fullChain Spring Security's filters for proxied traffic
	 * @param contexts where the full chain keeps a session's security context
	 * @param sessionIds the session cookie
	 * @param bearerTokens the bearer tokens verified before
	 * @param users turns the authentication into the signed-in user
	 * @throws IllegalStateException if the full chain has a filter this one does not
	 * stand in for
	 */
	KnownUserWebFilter(List<WebFilter> fullChain, ServerSecurityContextRepository contexts,
			WebSessionIdResolver sessionIds, KnownBearerTokens bearerTokens, SignedInUserResolver users) {
		List<String> unknown = new ArrayList<>();
		WebFilter headers = null;
		for (WebFilter filter : fullChain) {
			String name = filter.getClass().getName();
			if (!STOOD_IN_FOR.contains(name)) {
				unknown.add(name);
			}
			if (filter instanceof HttpHeaderWriterWebFilter) {
				headers = filter;
			}
		}
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("The security chain of proxied traffic has filters that the short way "
					+ "for known users would skip: " + unknown);
		}
		this.fullChain = List.copyOf(fullChain);
		this.headers = headers;
		this.contexts = contexts;
		this.sessionIds = sessionIds;
		this.bearerTokens = bearerTokens;
		this.users = users;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			Authentication known = BearerTokenConverter.isWellFormed(authorization)
					? this.bearerTokens.authentication(BearerTokenConverter.token(authorization)) : null;
			return (known != null) ? pass(exchange, chain, known) : full(exchange, chain);
		}
		if (!mayUseSession(exchange)) {
			return full(exchange, chain);
		}
		return this.contexts.load(exchange)
			.defaultIfEmpty(NO_CONTEXT)
			.flatMap((context) -> this.trust.isAuthenticated(context.getAuthentication())
					? pass(exchange, chain, context.getAuthentication()) : full(exchange, chain));
	}

	private boolean mayUseSession(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return !CsrfProtection.isStateChanging(request) && request.getCookies().containsKey(CsrfProtection.COOKIE)
				&& !request.getQueryParams().containsKey(SIGN_IN_RETURN_PARAMETER)
				&& !this.sessionIds.resolveSessionIds(exchange).isEmpty();
	}

	private Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain, Authentication authentication) {
		Mono<SecurityContext> context = Mono.just(new SecurityContextImpl(authentication));
		ServerWebExchange secured = new SecurityContextServerWebExchange(exchange, context);
		secured.getAttributes().put(SignedInUser.ATTRIBUTE, Mono.justOrEmpty(this.users.resolve(authentication)));
		WebFilterChain rest = (securedExchange) -> chain.filter(securedExchange)
			.contextWrite((reactorContext) -> reactorContext.put(ServerWebExchange.class, exchange)
				.putAll(ReactiveSecurityContextHolder.withSecurityContext(context).readOnly()));
		return (this.headers != null) ? this.headers.filter(secured, rest) : rest.filter(secured);
	}

	private Mono<Void> full(ServerWebExchange exchange, WebFilterChain chain) {
		return UncheckpointedWebFilterChain.of(this.fullChain, chain).filter(exchange);
	}

}
