package io.edgegateway.idp;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
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
 * Google-style domain-wide delegation on {@code /google/token}, over real HTTP: a
 * registered service account signs an assertion for a user of the domain, without client
 * authentication, and gets an access token; each of Google's refusals.
 */
class DomainWideDelegationTests {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	private static final String CLIENT_EMAIL = "reports@demo-project.iam.gserviceaccount.com";

	private static final String SCOPE = "https://www.googleapis.com/auth/drive.readonly "
			+ "https://www.googleapis.com/auth/gmail.readonly";

	private static final RSAKey SERVICE_ACCOUNT_KEY = Jwts.generateKey("key-1");

	private static DemoIdentityProvider idp;

	private static JwtDecoder jwtDecoder;

	@BeforeAll
	static void startIdentityProvider() throws JOSEException {
		RSAPublicKey publicKey = SERVICE_ACCOUNT_KEY.toRSAPublicKey();
		idp = DemoIdentityProvider.builder().port(0).serviceAccount(CLIENT_EMAIL, publicKey, "key-1").start();
		jwtDecoder = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build();
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void exposesTheTokenUri() {
		assertThat(idp.googleTokenUri()).isEqualTo(idp.issuer() + "/google/token");
	}

	@Test
	void issuesAnAccessTokenForTheUser() throws Exception {
		int before = idp.tokenRequests(JWT_BEARER);
		TokenEndpoint.Response response = request(sign(claims()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("token_type", "Bearer")
			.containsEntry("scope", SCOPE)
			.containsEntry("expires_in", 300);
		Jwt token = jwtDecoder.decode(response.get("access_token"));
		assertThat(token.getIssuer()).hasToString(idp.issuer());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsString("email")).isEqualTo("alice@example.com");
		assertThat(token.getClaimAsString("scope")).isEqualTo(SCOPE);
		assertThat(token.getClaimAsString("azp")).isEqualTo(CLIENT_EMAIL);
		assertThat(token.getAudience()).containsExactly("google-apis");
		assertThat(idp.tokenRequests(JWT_BEARER)).isEqualTo(before + 1);
	}

	@Test
	void refusesAnUnknownKeyId() throws Exception {
		RSAKey sameKeyOtherId = new RSAKey.Builder(SERVICE_ACCOUNT_KEY).keyID("key-2").build();
		assertRefused(request(Jwts.sign(sameKeyOtherId, claims().build())), 400, "invalid_grant",
				"Invalid JWT Signature.");
	}

	@Test
	void refusesASignatureOfAnotherKey() throws Exception {
		assertRefused(request(Jwts.sign(Jwts.generateKey("key-1"), claims().build())), 400, "invalid_grant",
				"Invalid JWT Signature.");
	}

	@Test
	void refusesAnUnknownServiceAccount() throws Exception {
		assertRefused(request(sign(claims().issuer("other@demo-project.iam.gserviceaccount.com"))), 400,
				"invalid_grant");
	}

	@Test
	void refusesAnotherAudience() throws Exception {
		assertRefused(request(sign(claims().audience("https://oauth2.googleapis.com/token"))), 400, "invalid_grant");
	}

	@Test
	void refusesAnExpiredAssertion() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofHours(2));
		assertRefused(request(sign(
				claims().issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plus(Duration.ofHours(1)))))),
				400, "invalid_grant");
	}

	@Test
	void refusesAnAssertionLivingLongerThanAnHour() throws Exception {
		Instant now = Instant.now();
		assertRefused(request(
				sign(claims().issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(61)))))),
				400, "invalid_grant");
	}

	@Test
	void refusesAUserOutsideTheDomain() throws Exception {
		assertRefused(request(sign(claims().subject("mallory@example.com"))), 401, "unauthorized_client");
	}

	@Test
	void refusesAnAssertionWithoutScope() throws Exception {
		assertRefused(request(sign(claims().claim("scope", null))), 400, "invalid_scope");
		assertRefused(request(sign(claims().claim("scope", " "))), 400, "invalid_scope");
	}

	@Test
	void refusesAnotherGrantType() throws Exception {
		TokenEndpoint.Response response = TokenEndpoint.withoutClientAuthentication(idp.googleTokenUri())
			.request(Map.of("grant_type", "client_credentials", "assertion", sign(claims())));
		assertRefused(response, 400, "unsupported_grant_type");
	}

	private static JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(CLIENT_EMAIL)
			.subject("alice@example.com")
			.audience(idp.googleTokenUri())
			.claim("scope", SCOPE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))));
	}

	private static String sign(JWTClaimsSet.Builder claims) {
		return Jwts.sign(SERVICE_ACCOUNT_KEY, claims.build());
	}

	private static TokenEndpoint.Response request(String assertion) throws Exception {
		return TokenEndpoint.withoutClientAuthentication(idp.googleTokenUri())
			.request(Map.of("grant_type", JWT_BEARER, "assertion", assertion));
	}

	private static void assertRefused(TokenEndpoint.Response response, int status, String error, String description) {
		assertRefused(response, status, error);
		assertThat(response.get("error_description")).isEqualTo(description);
	}

	private static void assertRefused(TokenEndpoint.Response response, int status, String error) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.error()).isEqualTo(error);
		assertThat(response.get("error_description")).isNotBlank();
	}

}
