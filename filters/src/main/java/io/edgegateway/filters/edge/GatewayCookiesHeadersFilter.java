package io.edgegateway.filters.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes the gateway's own cookies (the session cookie, the CSRF cookie) from the
 * {@code Cookie} header of every proxied request, keeping the upstream's own cookies and
 * dropping the header when none is left. The session cookie is a bearer credential for
 * every route: an upstream, or anything that logs its request headers, that received it
 * could act as the user everywhere. Names compare without case.
 */
public final class GatewayCookiesHeadersFilter implements HttpHeadersFilter, Ordered {

	private final Set<String> names;

	/**
	 * Create the filter.
	 * @param names the names of the cookies the gateway sets, each spelling it may use
	 * (e.g. with and without the {@code __Host-} prefix)
	 */
	public GatewayCookiesHeadersFilter(Set<String> names) {
		Assert.notEmpty(names, "names cannot be empty");
		this.names = names.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		List<String> values = input.get(HttpHeaders.COOKIE);
		if (values == null) {
			return input;
		}
		List<String> kept = new ArrayList<>();
		boolean removed = false;
		for (String value : values) {
			for (String pair : StringUtils.tokenizeToStringArray(value, ";")) {
				if (isGatewayCookie(pair)) {
					removed = true;
				}
				else {
					kept.add(pair);
				}
			}
		}
		if (!removed) {
			return input;
		}
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, headerValues) -> {
			if (!HttpHeaders.COOKIE.equalsIgnoreCase(name)) {
				filtered.addAll(name, headerValues);
			}
		});
		if (!kept.isEmpty()) {
			filtered.set(HttpHeaders.COOKIE, String.join("; ", kept));
		}
		return filtered;
	}

	private boolean isGatewayCookie(String pair) {
		int equals = pair.indexOf('=');
		String name = (equals < 0) ? pair : pair.substring(0, equals);
		return this.names.contains(name.trim().toLowerCase(Locale.ROOT));
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public String toString() {
		return "GatewayCookiesHeadersFilter" + this.names;
	}

}
