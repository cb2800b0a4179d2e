package io.edgegateway.idp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.RSAKey;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts token requests and reads the JSON answers: to {@code /oauth2/token} for a client
 * authenticating with {@code client_secret_basic}, {@code client_secret_post} or
 * {@code private_key_jwt}, or to any URI without client authentication.
 */
final class TokenEndpoint {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI uri;

	private final Map<String, String> headers;

	private final Supplier<Map<String, String>> credentials;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The {@code edge-gateway} client with {@code client_secret_basic}.
	 */
	TokenEndpoint(String issuer) {
		this(URI.create(issuer + "/oauth2/token"), basicHeader("edge-gateway", "edge-gateway-secret"), Map::of);
	}

	private TokenEndpoint(URI uri, Map<String, String> headers, Supplier<Map<String, String>> credentials) {
		this.uri = uri;
		this.headers = headers;
		this.credentials = credentials;
	}

	static TokenEndpoint basic(String issuer, String clientId, String clientSecret) {
		return new TokenEndpoint(URI.create(issuer + "/oauth2/token"), basicHeader(clientId, clientSecret), Map::of);
	}

	static TokenEndpoint post(String issuer, String clientId, String clientSecret) {
		return new TokenEndpoint(URI.create(issuer + "/oauth2/token"), Map.of(),
				() -> Map.of("client_id", clientId, "client_secret", clientSecret));
	}

	/**
	 * A client that signs a fresh client assertion for every request.
	 */
	static TokenEndpoint privateKeyJwt(String issuer, String clientId, RSAKey key) {
		String tokenUri = issuer + "/oauth2/token";
		return new TokenEndpoint(URI.create(tokenUri), Map.of(),
				() -> Map.of("client_id", clientId, "client_assertion_type",
						"urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion",
						Jwts.clientAssertion(key, clientId, tokenUri)));
	}

	static TokenEndpoint withoutClientAuthentication(String uri) {
		return new TokenEndpoint(URI.create(uri), Map.of(), Map::of);
	}

	Response request(Map<String, String> parameters) throws IOException, InterruptedException {
		HttpResponse<String> response = send(parameters);
		return new Response(response.statusCode(), json(response.body()));
	}

	HttpResponse<String> send(Map<String, String> parameters) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>(parameters);
		form.putAll(this.credentials.get());
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(AuthorizationCodeFlow.form(form)));
		this.headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static Map<String, Object> json(String body) {
		return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

	private static Map<String, String> basicHeader(String clientId, String clientSecret) {
		String credentials = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		return Map.of("Authorization", "Basic " + credentials);
	}

	record Response(int status, Map<String, Object> body) {

		String get(String name) {
			return (String) this.body.get(name);
		}

		String error() {
			return get("error");
		}

	}

}
