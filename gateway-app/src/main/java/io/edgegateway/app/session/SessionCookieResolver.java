package io.edgegateway.app.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.Cookie;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The session cookie, configured by {@code server.reactive.session.cookie.*}. Over HTTPS
 * its name carries the {@code __Host-} prefix, so a browser accepts it only with
 * {@code Secure}, {@code Path=/} and no {@code Domain}, set by this very origin: a
 * sibling subdomain or a plain-HTTP response cannot plant or overwrite it. Over plain
 * HTTP (the demo, local development) it keeps its configured name. Which applies is
 * decided per request, from the address the request arrived at as the trusted forwarded
 * headers or the public base URL left it.
 *
 * @see <a href=
 * "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#name-the-__host-prefix">The
 * __Host- prefix</a>
 */
public final class SessionCookieResolver implements WebSessionIdResolver {

	/**
	 * Exchange attribute present once the request's session was looked for (its cookie
	 * read), so that what runs after the request knows, without looking for it itself
	 * (which would read Redis for a request that never needed its session).
	 */
	static final String SESSION_RESOLVED = SessionCookieResolver.class.getName() + ".resolved";

	static final String HOST_PREFIX = "__Host-";

	private final CookieWebSessionIdResolver plain;

	private final @Nullable CookieWebSessionIdResolver hostPrefixed;

	/**
	 * Create the resolver.
	 * @param cookie Spring Boot's session cookie settings
	 * @param hostPrefix whether the cookie gets the {@code __Host-} prefix over HTTPS
	 * @throws IllegalStateException if the prefix is asked for with a cookie domain,
	 * which a {@code __Host-} cookie cannot have
	 */
	SessionCookieResolver(Cookie cookie, boolean hostPrefix) {
		String name = StringUtils.hasText(cookie.getName()) ? cookie.getName() : "SESSION";
		if (hostPrefix && StringUtils.hasText(cookie.getDomain())) {
			throw new IllegalStateException("server.reactive.session.cookie.domain: a __Host- session cookie cannot "
					+ "carry a Domain; remove the domain, or set edge.session.cookie.host-prefix=false");
		}
		this.plain = resolver(name, (builder) -> configure(builder, cookie));
		this.hostPrefixed = hostPrefix ? resolver(HOST_PREFIX + name, (builder) -> {
			configure(builder, cookie);
			builder.secure(true).path("/").domain(null);
		}) : null;
	}

	/**
	 * Every name the session cookie may have.
	 * @return the names
	 */
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>(List.of(this.plain.getCookieName()));
		if (this.hostPrefixed != null) {
			names.add(this.hostPrefixed.getCookieName());
		}
		return names;
	}

	@Override
	public List<String> resolveSessionIds(ServerWebExchange exchange) {
		exchange.getAttributes().put(SESSION_RESOLVED, Boolean.TRUE);
		return resolverFor(exchange).resolveSessionIds(exchange);
	}

	@Override
	public void setSessionId(ServerWebExchange exchange, String sessionId) {
		resolverFor(exchange).setSessionId(exchange, sessionId);
	}

	@Override
	public void expireSession(ServerWebExchange exchange) {
		resolverFor(exchange).expireSession(exchange);
	}

	private WebSessionIdResolver resolverFor(ServerWebExchange exchange) {
		boolean secure = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
		return (secure && this.hostPrefixed != null) ? this.hostPrefixed : this.plain;
	}

	private static CookieWebSessionIdResolver resolver(String name,
			Consumer<ResponseCookie.ResponseCookieBuilder> initializer) {
		CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
		resolver.setCookieName(name);
		resolver.addCookieInitializer(initializer);
		return resolver;
	}

	/**
	 * Spring Boot's cookie settings, as its own session id resolver applies them.
	 */
	private static void configure(ResponseCookie.ResponseCookieBuilder builder, Cookie cookie) {
		if (cookie.getDomain() != null) {
			builder.domain(cookie.getDomain());
		}
		if (cookie.getPath() != null) {
			builder.path(cookie.getPath());
		}
		if (cookie.getHttpOnly() != null) {
			builder.httpOnly(cookie.getHttpOnly());
		}
		if (cookie.getSecure() != null) {
			builder.secure(cookie.getSecure());
		}
		if (cookie.getMaxAge() != null) {
			builder.maxAge(cookie.getMaxAge());
		}
		if (cookie.getSameSite() != null) {
			builder.sameSite(cookie.getSameSite().attributeValue());
		}
		if (cookie.getPartitioned() != null) {
			builder.partitioned(cookie.getPartitioned());
		}
	}

}
