package io.edgegateway.idp;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft Entra style On-Behalf-Of ({@code jwt-bearer} with
 * {@code requested_token_use=on_behalf_of}) on {@code /oauth2/token}, over real HTTP,
 * with each client authentication method of {@code edge-gateway} and each of Entra's
 * refusals.
 */
class OnBehalfOfTests {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private static final RSAKey GATEWAY_KEY = Jwts.generateKey("edge-gateway-key");

	private static DemoIdentityProvider idp;

	private static JwtDecoder jwtDecoder;

	private static String aliceAccessToken;

	@BeforeAll
	static void startIdentityProvider() throws Exception {
		idp = DemoIdentityProvider.builder().port(0).clientPublicKey("edge-gateway", GATEWAY_KEY).start();
		jwtDecoder = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
		aliceAccessToken = AuthorizationCodeFlow.signIn(idp.issuer(), "alice", "alice-password").get("access_token");
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void issuesAnOnBehalfOfTokenForTheFirstScopesApi() throws Exception {
		int before = idp.tokenRequests(JWT_BEARER);
		TokenEndpoint.Response response = new TokenEndpoint(idp.issuer())
			.request(onBehalfOf(aliceAccessToken, "api://orders/.default api://reports/.default"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("token_type", "Bearer")
			.containsEntry("scope", "api://orders/.default api://reports/.default")
			.doesNotContainKey("refresh_token");
		assertThat(((Number) response.body().get("expires_in")).intValue()).isBetween(290, 300);
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getIssuer()).hasToString(idp.issuer());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getAudience()).containsExactly("api://orders");
		assertThat(token.getClaimAsString("scp")).isEqualTo("api://orders/.default api://reports/.default");
		assertThat(token.getClaimAsString("azp")).isEqualTo("edge-gateway");
		assertThat(token.getClaimAsString("name")).isEqualTo("Alice Anders");
		assertThat(token.getClaimAsString("email")).isEqualTo("alice@example.com");
		assertThat(token.getClaimAsStringList("groups")).containsExactly("engineering");
		assertThat(token.getClaimAsString("tenant")).isEqualTo("t1");
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
		assertThat(idp.tokenRequests(JWT_BEARER)).isEqualTo(before + 1);
	}

	@Test
	void acceptsClientSecretPost() throws Exception {
		TokenEndpoint.Response response = TokenEndpoint.post(idp.issuer(), "edge-gateway", "edge-gateway-secret")
			.request(onBehalfOf(aliceAccessToken, "api://reports/.default"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(jwtDecoder.decode(response.get("access_token")).getAudience()).containsExactly("api://reports");
	}

	@Test
	void acceptsPrivateKeyJwt() throws Exception {
		TokenEndpoint.Response response = TokenEndpoint.privateKeyJwt(idp.issuer(), "edge-gateway", GATEWAY_KEY)
			.request(onBehalfOf(aliceAccessToken, "api://orders/.default"));
		assertThat(response.status()).isEqualTo(200);
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getAudience()).containsExactly("api://orders");
	}

	@Test
	void refusesAMissingRequestedTokenUse() throws Exception {
		Map<String, String> parameters = onBehalfOf(aliceAccessToken, "api://orders/.default");
		parameters.remove("requested_token_use");
		assertRefused(new TokenEndpoint(idp.issuer()).request(parameters), "invalid_request");
	}

	@Test
	void refusesAnotherRequestedTokenUse() throws Exception {
		Map<String, String> parameters = onBehalfOf(aliceAccessToken, "api://orders/.default");
		parameters.put("requested_token_use", "something_else");
		assertRefused(new TokenEndpoint(idp.issuer()).request(parameters), "invalid_request");
	}

	@Test
	void refusesAnAssertionSignedByAnotherKey() throws Exception {
		Instant now = Instant.now();
		String foreign = Jwts.sign(Jwts.generateKey("foreign"),
				new JWTClaimsSet.Builder().issuer(idp.issuer())
					.subject("alice")
					.audience("edge-gateway")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(60)))
					.build());
		assertRefused(request(foreign, "api://orders/.default"), "invalid_grant");
	}

	@Test
	void refusesAnExpiredAssertion() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofHours(1));
		assertRefused(request(
				idp.signAccessToken(Map.of("sub", "alice", "aud", "edge-gateway"), longAgo, longAgo.plusSeconds(60)),
				"api://orders/.default"), "invalid_grant");
	}

	@Test
	void refusesAnAssertionOfAnotherIssuer() throws Exception {
		Instant now = Instant.now();
		assertRefused(request(
				idp.signAccessToken(Map.of("sub", "alice", "aud", "edge-gateway", "iss", "https://elsewhere.example"),
						now, now.plusSeconds(60)),
				"api://orders/.default"), "invalid_grant");
	}

	@Test
	void refusesAnAssertionForAnotherAudience() throws Exception {
		Instant now = Instant.now();
		assertRefused(request(
				idp.signAccessToken(Map.of("sub", "alice", "aud", List.of("api://orders")), now, now.plusSeconds(60)),
				"api://orders/.default"), "invalid_grant");
	}

	@Test
	void refusesAnAssertionThatIsNoJwt() throws Exception {
		assertRefused(request("not-a-jwt", "api://orders/.default"), "invalid_grant");
	}

	@Test
	void apiThatRequiresMultiFactorThenInteractionRequiredWithoutItAndATokenWithIt() throws Exception {
		assertRefused(request(aliceAccessToken, "api://finance/.default"), "interaction_required");
		Instant now = Instant.now();
		String withMultiFactor = idp.signAccessToken(
				Map.of("sub", "alice", "aud", "edge-gateway", "amr", List.of("pwd", "mfa")), now, now.plusSeconds(60));
		TokenEndpoint.Response response = request(withMultiFactor, "api://finance/.default");
		assertThat(response.status()).isEqualTo(200);
		assertThat(jwtDecoder.decode(response.get("access_token")).getAudience()).containsExactly("api://finance");
	}

	@Test
	void refusesAnUnknownApi() throws Exception {
		assertRefused(request(aliceAccessToken, "api://billing/.default"), "invalid_scope");
	}

	@Test
	void refusesAScopeThatIsNotDotDefault() throws Exception {
		assertRefused(request(aliceAccessToken, "orders.read"), "invalid_scope");
		assertRefused(request(aliceAccessToken, "api://orders/orders.read"), "invalid_scope");
	}

	@Test
	void refusesWhenAnyScopeIsInvalid() throws Exception {
		assertRefused(request(aliceAccessToken, "api://orders/.default api://billing/.default"), "invalid_scope");
	}

	@Test
	void refusesAClientWithoutTheJwtBearerGrant() throws Exception {
		assertRefused(TokenEndpoint.basic(idp.issuer(), "reports-sa", "reports-sa-secret")
			.request(onBehalfOf(aliceAccessToken, "api://orders/.default")), "unauthorized_client");
	}

	private static TokenEndpoint.Response request(String assertion, String scope) throws Exception {
		return new TokenEndpoint(idp.issuer()).request(onBehalfOf(assertion, scope));
	}

	private static Map<String, String> onBehalfOf(String assertion, String scope) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", JWT_BEARER);
		parameters.put("assertion", assertion);
		parameters.put("requested_token_use", "on_behalf_of");
		parameters.put("scope", scope);
		return parameters;
	}

	private static void assertRefused(TokenEndpoint.Response response, String error) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error()).isEqualTo(error);
	}

}
