package io.edgegateway.filters.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps only the connection options of a request's {@code Connection} header
 * ({@code close}, {@code keep-alive}, {@code upgrade}, {@code te}), before anything else
 * sees the request.
 * <p>
 * {@code Connection} may also name headers the client declares hop-by-hop, and Spring
 * Cloud Gateway removes every header so named from the proxied request, after the
 * gateway's filters have set theirs. {@code Connection: keep-alive, X-User-Id,
 * Authorization} would then strip the gateway's own identity headers and credential and
 * let an anonymous request look like a trusted one. The gateway therefore does not honour
 * a client's custom hop-by-hop declarations: such tokens are dropped (not refused: a
 * {@code 400} would break clients whose own proxies add tokens), and a header they named
 * travels as an ordinary header, subject to the identity headers' strip rules like any
 * other.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-7.6.1">RFC 9110 section
 * 7.6.1</a>
 */
public final class ConnectionOptionsWebFilter implements WebFilter, Ordered {

	/**
	 * The order: first of all, before the request id and Spring Security.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

	private static final Log logger = LogFactory.getLog(ConnectionOptionsWebFilter.class);

	private static final Set<String> CONNECTION_OPTIONS = Set.of("close", "keep-alive", "upgrade", "te");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> values = exchange.getRequest().getHeaders().get(HttpHeaders.CONNECTION);
		if (values == null) {
			return chain.filter(exchange);
		}
		List<String> options = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (String value : values) {
			for (String token : StringUtils.tokenizeToStringArray(value, ",")) {
				(CONNECTION_OPTIONS.contains(token.toLowerCase(Locale.ROOT)) ? options : dropped).add(token);
			}
		}
		if (dropped.isEmpty()) {
			return chain.filter(exchange);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Dropped Connection tokens " + dropped + "; kept " + options);
		}
		return chain.filter(exchange.mutate().request((request) -> request.headers((headers) -> {
			headers.remove(HttpHeaders.CONNECTION);
			if (!options.isEmpty()) {
				headers.set(HttpHeaders.CONNECTION, String.join(", ", options));
			}
		})).build());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
