package io.edgegateway.idp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the demo identity provider on a free port, with the gateway's starters (Spring
 * Cloud Gateway, reactive Redis, actuator) on the classpath, and talks to it over real
 * HTTP only.
 */
class DemoIdentityProviderTests {

	private static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/idp";

	private static DemoIdentityProvider idp;

	private static JwtDecoder jwtDecoder;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startIdentityProvider() {
		idp = DemoIdentityProvider.builder().port(0).accessTokenTimeToLive(Duration.ofMinutes(2)).start();
		jwtDecoder = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void issuerIsTheLoopbackAddressWithTheChosenPort() {
		assertThat(idp.port()).isPositive();
		assertThat(idp.issuer()).isEqualTo("http://127.0.0.1:" + idp.port());
	}

	@Test
	void servesTheDiscoveryDocumentWithIssuerAndEndSessionEndpoint() throws Exception {
		Map<String, Object> discovery = getJson("/.well-known/openid-configuration");
		assertThat(discovery).containsEntry("issuer", idp.issuer())
			.containsEntry("end_session_endpoint", idp.issuer() + "/connect/logout")
			.containsEntry("jwks_uri", idp.issuer() + "/oauth2/jwks")
			.containsEntry("token_endpoint", idp.issuer() + "/oauth2/token");
	}

	@Test
	void servesTheJwks() throws Exception {
		JWKSet jwks = JWKSet.parse(get("/oauth2/jwks").body());
		assertThat(jwks.getKeys()).singleElement()
			.satisfies((key) -> assertThat(key).isInstanceOf(RSAKey.class))
			.satisfies((key) -> assertThat(key.getKeyID()).isNotBlank())
			.satisfies((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void issuesClientCredentialsTokensAndCountsTheRequests() throws Exception {
		int before = idp.tokenRequests("client_credentials");
		TokenEndpoint.Response response = new TokenEndpoint(idp.issuer())
			.request(Map.of("grant_type", "client_credentials", "scope", "profile"));
		assertThat(response.status()).isEqualTo(200);
		Jwt accessToken = jwtDecoder.decode(response.get("access_token"));
		assertThat(accessToken.getSubject()).isEqualTo("edge-gateway");
		assertThat(accessToken.getAudience()).containsExactly("edge-gateway");
		assertThat(accessToken.getClaims()).doesNotContainKeys("name", "email", "groups", "tenant");
		assertThat(idp.tokenRequests("client_credentials")).isEqualTo(before + 1);
	}

	@Test
	void registersThePrivateKeyJwtServiceAccountOnlyWithAKey() throws Exception {
		Map<String, String> parameters = Map.of("grant_type", "client_credentials", "client_id", "reports-sa-jwt",
				"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion",
				Jwts.clientAssertion(Jwts.generateKey("any"), "reports-sa-jwt", idp.issuer() + "/oauth2/token"));
		TokenEndpoint.Response response = TokenEndpoint.withoutClientAuthentication(idp.issuer() + "/oauth2/token")
			.request(parameters);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.error()).isEqualTo("invalid_client");
		assertThat(get("/test-client-jwks/reports-sa-jwt").statusCode()).isEqualTo(404);
	}

	@Test
	void signsAccessTokensThatVerifyAgainstTheJwks() throws Exception {
		Instant now = Instant.now();
		String token = idp.signAccessToken(Map.of("sub", "alice", "aud", "edge-gateway", "tenant", "t1"), now,
				now.plusSeconds(60));
		Jwt jwt = jwtDecoder.decode(token);
		assertThat(jwt.getIssuer()).hasToString(idp.issuer());
		assertThat(jwt.getSubject()).isEqualTo("alice");
		assertThat(jwt.getAudience()).containsExactly("edge-gateway");
		assertThat(jwt.getClaimAsString("tenant")).isEqualTo("t1");
	}

	@Test
	void signsExpiredAccessTokensWhoseSignatureStillVerifies() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofHours(1));
		SignedJWT jwt = SignedJWT.parse(idp.signAccessToken(Map.of("sub", "bob"), longAgo, longAgo.plusSeconds(60)));
		assertThat(verifiesAgainstJwks(jwt)).isTrue();
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(Date.from(Instant.now()));
	}

	@Test
	void authorizationCodeFlowWithPkceIssuesTokensWithTheUsersProfile() throws Exception {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(idp.issuer());
		int before = idp.tokenRequests("authorization_code");
		TokenEndpoint.Response tokens = exchangeCode(flow, "alice", "alice-password", REDIRECT_URI);
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(idp.tokenRequests("authorization_code")).isEqualTo(before + 1);
		Jwt accessToken = jwtDecoder.decode(tokens.get("access_token"));
		Jwt idToken = jwtDecoder.decode(tokens.get("id_token"));
		for (Jwt token : List.of(accessToken, idToken)) {
			assertThat(token.getSubject()).isEqualTo("alice");
			assertThat(token.getAudience()).containsExactly("edge-gateway");
			assertThat(token.getClaimAsString("name")).isEqualTo("Alice Anders");
			assertThat(token.getClaimAsString("email")).isEqualTo("alice@example.com");
			assertThat(token.getClaimAsStringList("groups")).containsExactly("engineering");
			assertThat(token.getClaimAsString("tenant")).isEqualTo("t1");
		}
		assertThat(idToken.getClaimAsString("nonce")).isEqualTo("some-nonce");
		assertThat(Duration.between(accessToken.getIssuedAt(), accessToken.getExpiresAt()))
			.isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void loadTestUsersSignInWithTheirOwnProfile() throws Exception {
		TokenEndpoint.Response tokens = exchangeCode(new AuthorizationCodeFlow(idp.issuer()), "load-4217",
				DemoUsers.LOAD_USER_PASSWORD, REDIRECT_URI);
		assertThat(tokens.status()).isEqualTo(200);
		Jwt accessToken = jwtDecoder.decode(tokens.get("access_token"));
		assertThat(accessToken.getSubject()).isEqualTo("load-4217");
		assertThat(accessToken.getClaimAsString("email")).isEqualTo("load-4217@load.example.com");
		assertThat(accessToken.getClaimAsStringList("groups")).containsExactly("engineering", "finance");
		assertThat(accessToken.getClaimAsString("tenant")).isEqualTo("t7");
		assertThat(DemoUsers.find("load-0")).isEmpty();
		assertThat(DemoUsers.find("load-100001")).isEmpty();
		assertThat(DemoUsers.find("load-42x")).isEmpty();
	}

	@Test
	void userInfoReturnsTheProfileClaims() throws Exception {
		TokenEndpoint.Response tokens = exchangeCode(new AuthorizationCodeFlow(idp.issuer()), "bob", "bob-password",
				REDIRECT_URI);
		HttpResponse<String> userInfo = this.http.send(HttpRequest.newBuilder(URI.create(idp.issuer() + "/userinfo"))
			.header("Authorization", "Bearer " + tokens.get("access_token"))
			.build(), BodyHandlers.ofString());
		assertThat(userInfo.statusCode()).isEqualTo(200);
		assertThat(TokenEndpoint.json(userInfo.body())).containsEntry("sub", "bob")
			.containsEntry("name", "Bob Berg")
			.containsEntry("email", "bob@example.com")
			.containsEntry("groups", List.of("sales"))
			.containsEntry("tenant", "t2");
	}

	@Test
	void loopbackRedirectUrisMatchOnAnyPortAlsoForLocalhost() throws Exception {
		TokenEndpoint.Response tokens = exchangeCode(new AuthorizationCodeFlow(idp.issuer()), "alice", "alice-password",
				"http://localhost:54321/login/oauth2/code/idp");
		assertThat(tokens.status()).isEqualTo(200);
	}

	@Test
	void rotatedRefreshTokensAreUsableOnlyOnce() throws Exception {
		TokenEndpoint tokenEndpoint = new TokenEndpoint(idp.issuer());
		TokenEndpoint.Response tokens = exchangeCode(new AuthorizationCodeFlow(idp.issuer()), "alice", "alice-password",
				REDIRECT_URI);
		String firstRefreshToken = tokens.get("refresh_token");
		assertThat(firstRefreshToken).isNotBlank();
		int before = idp.tokenRequests("refresh_token");

		TokenEndpoint.Response refreshed = tokenEndpoint
			.request(Map.of("grant_type", "refresh_token", "refresh_token", firstRefreshToken));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.get("refresh_token")).isNotBlank().isNotEqualTo(firstRefreshToken);
		assertThat(jwtDecoder.decode(refreshed.get("access_token")).getClaimAsString("tenant")).isEqualTo("t1");

		TokenEndpoint.Response reused = tokenEndpoint
			.request(Map.of("grant_type", "refresh_token", "refresh_token", firstRefreshToken));
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.get("error")).isEqualTo("invalid_grant");
		assertThat(idp.tokenRequests("refresh_token")).isEqualTo(before + 2);
	}

	@Test
	void rpInitiatedLogoutRedirectsToALoopbackPostLogoutRedirectUriOnAnyPort() throws Exception {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(idp.issuer());
		TokenEndpoint.Response tokens = exchangeCode(flow, "alice", "alice-password", REDIRECT_URI);
		HttpResponse<String> logout = flow.get(URI.create(idp.issuer() + "/connect/logout?id_token_hint="
				+ tokens.get("id_token") + "&post_logout_redirect_uri=http://127.0.0.1:8081/&state=bye"));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue("http://127.0.0.1:8081/?state=bye");
	}

	@Test
	void rpInitiatedLogoutRejectsUnregisteredPostLogoutRedirectUris() throws Exception {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(idp.issuer());
		TokenEndpoint.Response tokens = exchangeCode(flow, "alice", "alice-password", REDIRECT_URI);
		HttpResponse<String> logout = flow.get(URI.create(idp.issuer() + "/connect/logout?id_token_hint="
				+ tokens.get("id_token") + "&post_logout_redirect_uri=https://elsewhere.example/"));
		assertThat(logout.statusCode()).isEqualTo(400);
	}

	private static TokenEndpoint.Response exchangeCode(AuthorizationCodeFlow flow, String username, String password,
			String redirectUri) throws IOException, InterruptedException {
		String code = flow.authorize(username, password, redirectUri);
		return new TokenEndpoint(idp.issuer()).request(Map.of("grant_type", "authorization_code", "code", code,
				"redirect_uri", redirectUri, "code_verifier", flow.codeVerifier()));
	}

	private boolean verifiesAgainstJwks(SignedJWT jwt)
			throws IOException, InterruptedException, ParseException, JOSEException {
		JWKSet jwks = JWKSet.parse(get("/oauth2/jwks").body());
		RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		return key != null && jwt.verify(new RSASSAVerifier(key));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(idp.issuer() + path)).build(), BodyHandlers.ofString());
	}

	private Map<String, Object> getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return TokenEndpoint.json(response.body());
	}

}
