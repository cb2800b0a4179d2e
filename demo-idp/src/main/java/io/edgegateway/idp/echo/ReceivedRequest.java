package io.edgegateway.idp.echo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/**
 * What the echo upstream received: the request line, the headers (names lower-cased and
 * sorted, values in arrival order with duplicates kept), the body as text and the decoded
 * claims of the bearer token.
 *
 * @param method the method
 * @param path the raw (still encoded) path
 * @param query the raw query, or {@code null} if there is none
 * @param headers the headers, by lower-case name
 * @param body the body, decoded as UTF-8
 * @param token the bearer token's claims, {@code {"opaque": true}} for a bearer token
 * that is no JWT, or {@code null} without a bearer token
 */
record ReceivedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		String body, @Nullable Map<String, Object> token) {

	static ReceivedRequest read(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach(
					(name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
						.addAll(values));
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers), body,
				BearerTokenClaims.decode(headers.getOrDefault("authorization", List.of())));
	}

	/**
	 * Whether any {@code Accept} header asks for HTML.
	 * @return {@code true} for a browser
	 */
	boolean acceptsHtml() {
		return this.headers.getOrDefault("accept", List.of()).stream().anyMatch((value) -> value.contains("text/html"));
	}

}
