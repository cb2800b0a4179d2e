package io.edgegateway.routes.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * A request as an explanation describes it, without sending it: the method, the
 * {@code Host} it names, the path (as sent, percent-encoded, optionally with a query
 * string), and any further headers.
 *
 * @param method the method
 * @param host the {@code Host} header, or {@code null} for none
 * @param path the path, starting with {@code /}, optionally with a query string
 * @param headers further headers, by name
 */
public record RequestDescription(HttpMethod method, @Nullable String host, String path,
		Map<String, List<String>> headers) {

	public RequestDescription {
		Assert.notNull(method, "method cannot be null");
		Assert.isTrue(path != null && path.startsWith("/"), "path must start with '/', was '" + path + "'");
		Map<String, List<String>> copy = new LinkedHashMap<>();
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
	}

	@Override
	public String toString() {
		return this.method + " " + ((this.host != null) ? this.host : "") + this.path;
	}

}
