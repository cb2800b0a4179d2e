package io.edgegateway.app.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the echo upstream says it received: the request as it crossed the wire from the
 * gateway.
 *
 * @param method the method
 * @param path the path
 * @param headers header values by lower-case name
 * @param token the decoded claims of the bearer token, or {@code null}
 */
public record Echo(String method, String path, Map<String, List<String>> headers, @Nullable Map<String, Object> token) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Read the echo upstream's JSON answer.
	 * @param response a response that came from the echo upstream through the gateway
	 * @return what the upstream received
	 */
	public static Echo of(HttpResponse<String> response) {
		return of(response.statusCode(), response.body());
	}

	/**
	 * Read the echo upstream's JSON answer.
	 * @param status the response's status
	 * @param json the response's body
	 * @return what the upstream received
	 */
	@SuppressWarnings("unchecked")
	public static Echo of(int status, String json) {
		if (status != 200) {
			throw new AssertionError("Expected the upstream's answer, got " + status + ": " + json);
		}
		Map<String, Object> body = JSON.readValue(json, Map.class);
		return new Echo((String) body.get("method"), (String) body.get("path"),
				(Map<String, List<String>>) body.get("headers"), (Map<String, Object>) body.get("token"));
	}

	/**
	 * The values the upstream received for a header.
	 * @param name the header name, any case
	 * @return the values, empty if absent
	 */
	public List<String> header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
	}

	/**
	 * The raw bearer token the upstream received.
	 * @return the token
	 */
	public String bearerToken() {
		List<String> authorization = header("Authorization");
		if (authorization.size() != 1 || !authorization.get(0).startsWith("Bearer ")) {
			throw new AssertionError("Expected one bearer token, got " + authorization);
		}
		return authorization.get(0).substring("Bearer ".length());
	}

}
