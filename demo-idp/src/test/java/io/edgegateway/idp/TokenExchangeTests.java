package io.edgegateway.idp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8693 token exchange as the {@code edge-gateway} client, over real HTTP: a signed-in
 * user's access token exchanged for a token of another audience, with and without an
 * actor, and every refusal the gateway may meet.
 */
class TokenExchangeTests {

	private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	private static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

	private static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

	private static DemoIdentityProvider idp;

	private static JwtDecoder jwtDecoder;

	private static TokenEndpoint.Response alice;

	@BeforeAll
	static void startIdentityProvider() throws Exception {
		idp = DemoIdentityProvider.builder().port(0).start();
		jwtDecoder = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
		alice = AuthorizationCodeFlow.signIn(idp.issuer(), "alice", "alice-password");
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void exchangesTheUsersAccessTokenForTheRequestedAudienceAndScope() throws Exception {
		int before = idp.tokenRequests(TOKEN_EXCHANGE);
		TokenEndpoint.Response response = exchange(Map.of("audience", "orders-api", "scope", "orders.read"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("token_type", "Bearer")
			.containsEntry("issued_token_type", ACCESS_TOKEN_TYPE)
			.doesNotContainKey("refresh_token");
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getIssuer()).hasToString(idp.issuer());
		assertThat(token.getAudience()).containsExactly("orders-api");
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsString("name")).isEqualTo("Alice Anders");
		assertThat(token.getClaimAsString("email")).isEqualTo("alice@example.com");
		assertThat(token.getClaimAsStringList("groups")).containsExactly("engineering");
		assertThat(token.getClaimAsString("tenant")).isEqualTo("t1");
		assertThat(token.getClaimAsStringList("scope")).containsExactly("orders.read");
		assertThat(token.getClaims()).doesNotContainKey("act");
		assertThat(idp.tokenRequests(TOKEN_EXCHANGE)).isEqualTo(before + 1);
	}

	@Test
	void addsTheActorClaimForAnActorToken() throws Exception {
		TokenEndpoint.Response actor = new TokenEndpoint(idp.issuer())
			.request(Map.of("grant_type", "client_credentials"));
		assertThat(actor.status()).isEqualTo(200);
		TokenEndpoint.Response response = exchange(Map.of("audience", "orders-api", "scope", "orders.read",
				"actor_token", actor.get("access_token"), "actor_token_type", ACCESS_TOKEN_TYPE));
		assertThat(response.status()).isEqualTo(200);
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getAudience()).containsExactly("orders-api");
		assertThat(token.getClaimAsString("tenant")).isEqualTo("t1");
		assertThat(token.getClaimAsMap("act")).containsEntry("sub", "edge-gateway").containsEntry("iss", idp.issuer());
	}

	@Test
	void putsAudienceAndResourceIntoTheAudience() throws Exception {
		TokenEndpoint.Response response = exchange(
				Map.of("audience", "orders-api", "resource", "https://orders.example/api"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(jwtDecoder.decode(response.get("access_token")).getAudience()).containsExactly("orders-api",
				"https://orders.example/api");
	}

	@Test
	void keepsTheSubjectTokensScopesAndTheClientAsAudienceWhenNoneAreRequested() throws Exception {
		TokenEndpoint.Response response = exchange(Map.of());
		assertThat(response.status()).isEqualTo(200);
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getAudience()).containsExactly("edge-gateway");
		assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile", "email");
	}

	@Test
	void issuesAJwtForRequestedTokenTypeJwt() throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", TOKEN_EXCHANGE);
		parameters.put("subject_token", alice.get("access_token"));
		parameters.put("subject_token_type", JWT_TOKEN_TYPE);
		parameters.put("requested_token_type", JWT_TOKEN_TYPE);
		parameters.put("audience", "reports-api");
		TokenEndpoint.Response response = new TokenEndpoint(idp.issuer()).request(parameters);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.get("issued_token_type")).isEqualTo(JWT_TOKEN_TYPE);
		assertThat(jwtDecoder.decode(response.get("access_token")).getAudience()).containsExactly("reports-api");
	}

	@Test
	void refusesAnIdTokenAsSubjectToken() throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", TOKEN_EXCHANGE);
		parameters.put("subject_token", alice.get("id_token"));
		parameters.put("subject_token_type", ID_TOKEN_TYPE);
		TokenEndpoint.Response response = new TokenEndpoint(idp.issuer()).request(parameters);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error()).isEqualTo("unsupported_token_type");
	}

	@Test
	void refusesASubjectTokenThisServerDidNotIssue() throws Exception {
		Instant now = Instant.now();
		String signedButUnknown = idp.signAccessToken(Map.of("sub", "alice", "aud", "edge-gateway"), now,
				now.plusSeconds(60));
		assertRefused(exchange(Map.of("subject_token", signedButUnknown)), "invalid_grant");
	}

	@Test
	void refusesASubjectTokenWithoutAUser() throws Exception {
		TokenEndpoint.Response clientToken = new TokenEndpoint(idp.issuer())
			.request(Map.of("grant_type", "client_credentials"));
		assertRefused(exchange(Map.of("subject_token", clientToken.get("access_token"))), "invalid_grant");
	}

	@Test
	void refusesAnUnknownActorToken() throws Exception {
		assertRefused(exchange(Map.of("actor_token", "not-a-token", "actor_token_type", ACCESS_TOKEN_TYPE)),
				"invalid_grant");
	}

	@Test
	void refusesScopesTheClientDoesNotHave() throws Exception {
		assertRefused(exchange(Map.of("scope", "reports.write")), "invalid_scope");
	}

	@Test
	void refusesAResourceThatIsNoAbsoluteUri() throws Exception {
		assertRefused(exchange(Map.of("resource", "orders-api")), "invalid_request");
	}

	@Test
	void refusesAClientWithoutTheTokenExchangeGrant() throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", TOKEN_EXCHANGE);
		parameters.put("subject_token", alice.get("access_token"));
		parameters.put("subject_token_type", ACCESS_TOKEN_TYPE);
		assertRefused(TokenEndpoint.basic(idp.issuer(), "reports-sa", "reports-sa-secret").request(parameters),
				"unauthorized_client");
	}

	private static TokenEndpoint.Response exchange(Map<String, String> extraParameters) throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", TOKEN_EXCHANGE);
		parameters.put("subject_token", alice.get("access_token"));
		parameters.put("subject_token_type", ACCESS_TOKEN_TYPE);
		parameters.putAll(extraParameters);
		return new TokenEndpoint(idp.issuer()).request(parameters);
	}

	private static void assertRefused(TokenEndpoint.Response response, String error) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error()).isEqualTo(error);
	}

}
