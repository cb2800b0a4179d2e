package io.edgegateway.idp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts token requests for the {@code edge-gateway} client (client_secret_basic) and
 * reads the JSON answers.
 */
final class TokenEndpoint {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String issuer;

	private final HttpClient http = HttpClient.newHttpClient();

	TokenEndpoint(String issuer) {
		this.issuer = issuer;
	}

	Response request(Map<String, String> parameters) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString("edge-gateway:edge-gateway-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(AuthorizationCodeFlow.form(parameters)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), json(response.body()));
	}

	static Map<String, Object> json(String body) {
		return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

	record Response(int status, Map<String, Object> body) {

		String get(String name) {
			return (String) this.body.get(name);
		}

	}

}
