package io.edgegateway.filters.edge;

import java.net.InetSocketAddress;
import java.net.URI;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the upstream where the request came from, as the gateway decided it:
 * {@code X-Forwarded-For} (the client's address), {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} (the address the client used).
 * <p>
 * Whatever a client sent under these names was already removed at the edge, or, from a
 * trusted proxy, read into the request's remote address and URI
 * ({@code edge.security.trusted-proxies}); Spring Cloud Gateway's own filters remove any
 * {@code X-Forwarded-*} and {@code Forwarded} left over. This filter runs after them and
 * sets the values afresh, so an upstream never sees an address an untrusted peer chose.
 */
public final class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

	static final String FOR = "X-Forwarded-For";

	static final String PROTO = "X-Forwarded-Proto";

	static final String HOST = "X-Forwarded-Host";

	static final String PORT = "X-Forwarded-Port";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		URI uri = request.getURI();
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(input);
		InetSocketAddress client = request.getRemoteAddress();
		if (client != null) {
			headers.set(FOR,
					(client.getAddress() != null) ? client.getAddress().getHostAddress() : client.getHostString());
		}
		else {
			headers.remove(FOR);
		}
		String scheme = uri.getScheme();
		int port = (uri.getPort() != -1) ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
		headers.set(PROTO, scheme);
		headers.set(HOST, (uri.getPort() != -1) ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
		headers.set(PORT, String.valueOf(port));
		return headers;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	/**
	 * After Spring Cloud Gateway's {@code RemoveXForwardedHeadersFilter} and
	 * {@code XForwardedHeadersFilter} (order 0).
	 */
	@Override
	public int getOrder() {
		return 1;
	}

}
