package io.edgegateway.app.explain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgegateway.routes.explain.RequestDescription;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * What an explanation is asked about: a request and the claims of its user, as the
 * {@code routeexplain} endpoint's parameters and the offline {@code --explain} object
 * name them: {@code method} ({@code GET} when absent), {@code host}, {@code path},
 * {@code headers} (a value or a list of values per name) and {@code claims}.
 *
 * @param request the request
 * @param claims the user's claims, as a verified token would carry them; empty for a
 * request without a user
 */
public record ExplainRequest(RequestDescription request, Map<String, Object> claims) {

	private static final Set<String> FIELDS = Set.of("method", "host", "path", "headers", "claims");

	public ExplainRequest {
		claims = Map.copyOf(claims);
	}

	/**
	 * A request from its parts.
	 * @param method the method, or {@code null} for {@code GET}
	 * @param host the {@code Host} header, or {@code null} for none
	 * @param path the path as sent, optionally with a query string
	 * @param headers further headers, a value or a list of values per name
	 * @param claims the user's claims
	 * @return the request
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static ExplainRequest of(@Nullable String method, @Nullable String host, @Nullable String path,
			Map<String, Object> headers, Map<String, Object> claims) {
		if (path == null) {
			throw new IllegalArgumentException("path is required");
		}
		return new ExplainRequest(new RequestDescription(HttpMethod.valueOf((method != null) ? method : "GET"), host,
				path, values(headers)), claims);
	}

	/**
	 * A request from one JSON object with the fields {@code method}, {@code host},
	 * {@code path}, {@code headers} and {@code claims}.
	 * @param json the object, as read
	 * @return the request
	 * @throws IllegalArgumentException naming an unknown field or one of the wrong type
	 */
	public static ExplainRequest of(Map<String, Object> json) {
		json.keySet().stream().filter((field) -> !FIELDS.contains(field)).findFirst().ifPresent((field) -> {
			throw new IllegalArgumentException(
					"unknown field '" + field + "'; known: [claims, headers, host, method, path]");
		});
		return of(text(json, "method"), text(json, "host"), text(json, "path"), object(json, "headers"),
				object(json, "claims"));
	}

	private static @Nullable String text(Map<String, Object> json, String field) {
		Object value = json.get(field);
		if (value != null && !(value instanceof String)) {
			throw new IllegalArgumentException(field + ": a string is expected");
		}
		return (String) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> json, String field) {
		Object value = json.get(field);
		if (value != null && !(value instanceof Map)) {
			throw new IllegalArgumentException(field + ": a JSON object is expected");
		}
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	/**
	 * Header values as JSON gives them, one or a list per name.
	 */
	private static Map<String, List<String>> values(Map<String, Object> values) {
		Map<String, List<String>> lists = new LinkedHashMap<>();
		values.forEach((name, value) -> lists.put(name, (value instanceof Collection<?> many)
				? many.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
		return lists;
	}

}
