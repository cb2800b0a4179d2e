package io.edgegateway.idp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The service-account clients ({@code client_credentials}), one per client authentication
 * method, over real HTTP; {@code private_key_jwt} with a key the test generates and the
 * identity provider fetches from its own JWK Set endpoint.
 */
class ServiceAccountClientsTests {

	private static final String SCOPES = "reports.read orders.read";

	private static final RSAKey CLIENT_KEY = Jwts.generateKey("reports-sa-jwt-key");

	private static DemoIdentityProvider idp;

	private static JwtDecoder jwtDecoder;

	@BeforeAll
	static void startIdentityProvider() {
		idp = DemoIdentityProvider.builder().port(0).clientPublicKey("reports-sa-jwt", CLIENT_KEY).start();
		jwtDecoder = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void clientSecretBasicClientGetsAServiceAccountToken() throws Exception {
		int before = idp.tokenRequests("client_credentials");
		assertServiceAccountToken(TokenEndpoint.basic(idp.issuer(), "reports-sa", "reports-sa-secret")
			.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)), "reports-sa", "reports-sa");
		assertThat(idp.tokenRequests("client_credentials")).isEqualTo(before + 1);
	}

	@Test
	void clientSecretPostClientGetsAServiceAccountToken() throws Exception {
		assertServiceAccountToken(
				TokenEndpoint.post(idp.issuer(), "reports-sa-post", "reports-sa-post-secret")
					.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)),
				"reports-sa-post", "reports-sa-post");
	}

	@Test
	void privateKeyJwtClientGetsAServiceAccountToken() throws Exception {
		assertServiceAccountToken(
				TokenEndpoint.privateKeyJwt(idp.issuer(), "reports-sa-jwt", CLIENT_KEY)
					.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)),
				"reports-sa-jwt", "reports-sa-jwt");
	}

	@Test
	void theAudienceParameterBecomesTheAudience() throws Exception {
		assertServiceAccountToken(
				TokenEndpoint.basic(idp.issuer(), "reports-sa", "reports-sa-secret")
					.request(Map.of("grant_type", "client_credentials", "scope", SCOPES, "audience", "reports-api")),
				"reports-sa", "reports-api");
	}

	@Test
	void servesTheClientsPublicKeyAsAJwkSet() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> jwks = http.send(
				HttpRequest.newBuilder(URI.create(idp.issuer() + "/test-client-jwks/reports-sa-jwt")).build(),
				BodyHandlers.ofString());
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(JWKSet.parse(jwks.body()).getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo("reports-sa-jwt-key"))
			.satisfies((key) -> assertThat(key.isPrivate()).isFalse());
		HttpResponse<String> unknown = http.send(
				HttpRequest.newBuilder(URI.create(idp.issuer() + "/test-client-jwks/reports-sa")).build(),
				BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void refusesAClientAssertionSignedWithAnotherKey() throws Exception {
		RSAKey otherKey = Jwts.generateKey("reports-sa-jwt-key");
		assertRefused(TokenEndpoint.privateKeyJwt(idp.issuer(), "reports-sa-jwt", otherKey)
			.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)), 401, "invalid_client");
	}

	@Test
	void refusesAWrongSecret() throws Exception {
		assertRefused(TokenEndpoint.basic(idp.issuer(), "reports-sa", "wrong-secret")
			.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)), 401, "invalid_client");
	}

	@Test
	void refusesClientSecretPostForTheBasicClient() throws Exception {
		assertRefused(TokenEndpoint.post(idp.issuer(), "reports-sa", "reports-sa-secret")
			.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)), 401, "invalid_client");
	}

	@Test
	void refusesClientSecretBasicForThePostClient() throws Exception {
		assertRefused(TokenEndpoint.basic(idp.issuer(), "reports-sa-post", "reports-sa-post-secret")
			.request(Map.of("grant_type", "client_credentials", "scope", SCOPES)), 401, "invalid_client");
	}

	@Test
	void refusesAScopeTheClientDoesNotHave() throws Exception {
		assertRefused(
				TokenEndpoint.basic(idp.issuer(), "reports-sa", "reports-sa-secret")
					.request(Map.of("grant_type", "client_credentials", "scope", "orders.write")),
				400, "invalid_scope");
	}

	@Test
	void acceptsPrivateKeysOnlyForClientsThatCanUseThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DemoIdentityProvider.builder().clientPublicKey("reports-sa", CLIENT_KEY));
	}

	private static void assertServiceAccountToken(TokenEndpoint.Response response, String clientId, String audience) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("token_type", "Bearer").doesNotContainKey("refresh_token");
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getIssuer()).hasToString(idp.issuer());
		assertThat(token.getSubject()).isEqualTo(clientId);
		assertThat(token.getClaimAsString("azp")).isEqualTo(clientId);
		assertThat(token.getClaimAsString("client_id")).isEqualTo(clientId);
		assertThat(token.getAudience()).containsExactly(audience);
		assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("reports.read", "orders.read");
		assertThat(token.getClaims()).doesNotContainKeys("name", "email", "groups", "tenant");
	}

	private static void assertRefused(TokenEndpoint.Response response, int status, String error) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.error()).isEqualTo(error);
	}

}
