package io.edgegateway.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's admin REST API over plain HTTP, as the master realm's bootstrap
 * administrator: JSON in and out as maps and lists, so the calls read like Keycloak's own
 * representations ({@code RealmRepresentation}, {@code ClientRepresentation}, ...).
 *
 * @see <a href="https://www.keycloak.org/docs-api/latest/rest-api/">Keycloak Admin REST
 * API</a>
 */
public final class KeycloakAdmin {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String url;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private @Nullable String token;

	private Instant tokenExpires = Instant.EPOCH;

	/**
	 * An administrator of a running server.
	 * @param url the server's base URL
	 */
	public KeycloakAdmin(String url) {
		this.url = url;
	}

	/**
	 * {@code GET} a JSON object.
	 * @param path the path under {@code /admin/realms}, e.g. {@code /edge/users}
	 * @return the object
	 */
	public Map<String, Object> get(String path) {
		return JSON.readValue(send("GET", path, null, 200), new TypeReference<>() {
		});
	}

	/**
	 * {@code GET} a JSON array.
	 * @param path the path under {@code /admin/realms}
	 * @return the elements
	 */
	public List<Map<String, Object>> list(String path) {
		return JSON.readValue(send("GET", path, null, 200), new TypeReference<>() {
		});
	}

	/**
	 * {@code POST} a JSON body, expecting {@code 201 Created} or {@code 204}.
	 * @param path the path under {@code /admin/realms}
	 * @param body the representation, or {@code null} for none
	 */
	public void post(String path, @Nullable Object body) {
		send("POST", path, body, 201, 204);
	}

	/**
	 * {@code PUT} a JSON body, expecting {@code 200}, {@code 202} (the authentication
	 * flow's executions) or {@code 204}.
	 * @param path the path under {@code /admin/realms}
	 * @param body the representation
	 */
	public void put(String path, Object body) {
		send("PUT", path, body, 200, 202, 204);
	}

	/**
	 * {@code DELETE}, accepting that it was not there.
	 * @param path the path under {@code /admin/realms}
	 */
	public void delete(String path) {
		send("DELETE", path, null, 204, 404);
	}

	/**
	 * The id of the one element a search finds.
	 * @param path a search, e.g. {@code /edge/clients?clientId=edge-gateway}
	 * @return its {@code id}
	 */
	public String idOf(String path) {
		List<Map<String, Object>> found = list(path);
		if (found.size() != 1) {
			throw new IllegalStateException("Expected one result of " + path + ", got " + found);
		}
		return (String) found.get(0).get("id");
	}

	private String send(String method, String path, @Nullable Object body, int... expected) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + "/admin/realms" + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token())
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = exchange(request.build());
		for (int status : expected) {
			if (response.statusCode() == status) {
				return response.body();
			}
		}
		throw new IllegalStateException(
				method + " " + path + " answered " + response.statusCode() + ": " + response.body());
	}

	/**
	 * The administrator's access token, from the master realm's {@code admin-cli} client
	 * (password grant); a new one well before the old one (60 s) expires.
	 */
	private String token() {
		if (this.token == null || Instant.now().isAfter(this.tokenExpires)) {
			Map<String, Object> response = tokenRequest(this.url + "/realms/master/protocol/openid-connect/token",
					Map.of("grant_type", "password", "client_id", "admin-cli", "username",
							KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD));
			this.token = (String) response.get("access_token");
			this.tokenExpires = Instant.now().plusSeconds(((Number) response.get("expires_in")).longValue() / 2);
		}
		return this.token;
	}

	/**
	 * A request to a token endpoint, expecting success.
	 * @param tokenEndpoint the endpoint
	 * @param form the form parameters
	 * @return the token response
	 */
	public Map<String, Object> tokenRequest(String tokenEndpoint, Map<String, String> form) {
		HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(tokenEndpoint))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request to " + tokenEndpoint + " answered " + response.statusCode()
					+ ": " + response.body());
		}
		return JSON.readValue(response.body(), new TypeReference<>() {
		});
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
