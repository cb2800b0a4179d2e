package io.edgegateway.app.assertion;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.TestClock;
import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed identity assertion through a real gateway, the real authorization server and
 * the echo upstream: a session user and a bearer client get one on routes with
 * {@code IdentityAssertion}, which an upstream verifies with a stock JWT library (Nimbus)
 * against the JWK set the gateway serves on its public port, across a key rotation.
 */
class IdentityAssertionIntegrationTests {

	private static final String ISSUER = "https://edge.example.test";

	private static final String ROUTES = """
			routes:
			  - id: orders
			    uri: %1$s
			    predicates: [ "Path=/orders/**" ]
			    filters:
			      - IdentityHeaders
			      - IdentityAssertion
			  - id: reports
			    uri: %1$s
			    predicates: [ "Path=/reports/**" ]
			    filters:
			      - name: IdentityAssertion
			        args: { audience: reports-api, claims: [ groups ] }
			  - id: payments
			    uri: %1$s
			    predicates: [ "Path=/payments/**" ]
			    filters:
			      - name: IdentityAssertion
			        args: { per-request: true }
			  - id: status
			    uri: %1$s
			    predicates: [ "Path=/status/**" ]
			    metadata: { auth: public }
			    filters:
			      - IdentityAssertion
			""";

	@TempDir
	static Path routeFiles;

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	private final TestBrowser browser = new TestBrowser();

	@BeforeAll
	static void start() throws Exception {
		idp = TestServers.idp();
		Files.writeString(routeFiles.resolve("team.yaml"), ROUTES.formatted(TestServers.upstream().uri()));
		gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				keys(Instant.now().plus(Duration.ofDays(1))), null);
	}

	/**
	 * The route files, and two keys in files as a mounted Secret holds them: k1 (EC) that
	 * signs now, k2 (RSA) that signs from an instant on.
	 */
	private static Map<String, Object> keys(Instant k2SignsFrom) {
		Path keys = routeFiles.resolveSibling("keys-" + k2SignsFrom.toEpochMilli());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("edge.routes.directory", routeFiles);
		properties.put("edge.assertion.issuer", ISSUER);
		properties.put("edge.assertion.keys.k1.private-key",
				"file:" + TestKeys.write(keys.resolve("k1.pem"), TestKeys.pem(TestKeys.ecP256().getPrivate())));
		properties.put("edge.assertion.keys.k2.private-key",
				"file:" + TestKeys.generate("k2").writePem(keys.resolve("k2.pem")));
		properties.put("edge.assertion.keys.k2.sign-from", k2SignsFrom);
		return properties;
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void sessionUserThenUpstreamVerifiesTheAssertionAgainstTheServedKeys() throws Exception {
		assertThat(this.browser.signIn(gateway.url() + "/", "alice", "alice-password").statusCode()).isEqualTo(200);
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/orders/42", "Accept", "application/json"));
		JWTClaimsSet claims = verify(assertion(echo), "orders");
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
		assertThat(claims.getStringListClaim("groups")).containsExactly("engineering");
		assertThat(claims.getStringClaim("tenant")).isEqualTo("t1");
		assertThat(claims.getStringClaim("idp")).isEqualTo(idp.issuer());
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isLessThanOrEqualTo(Duration.ofMinutes(2));
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
	}

	@Test
	void bearerClientThenAssertionForTheRoutesAudienceWithOnlyItsClaims() throws Exception {
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/reports/q3", "Authorization", "Bearer " + bobsToken()));
		JWTClaimsSet claims = verify(assertion(echo), "reports-api");
		assertThat(claims.getSubject()).isEqualTo("bob");
		assertThat(claims.getStringListClaim("groups")).containsExactly("sales");
		assertThat(claims.getClaims()).doesNotContainKeys("email", "tenant", "idp", "request_id");
	}

	@Test
	void clientSentAssertionThenReplacedAndAnonymousGetsNone() throws Exception {
		Echo signedIn = Echo.of(this.browser.get(gateway.url() + "/orders/1", "Authorization", "Bearer " + bobsToken(),
				"X-Edge-Assertion", "forged"));
		assertThat(signedIn.header("X-Edge-Assertion")).singleElement().isNotEqualTo("forged");
		verify(assertion(signedIn), "orders");
		Echo anonymous = Echo.of(this.browser.get(gateway.url() + "/status/health", "X-Edge-Assertion", "forged",
				"x_edge_assertion", "forged"));
		assertThat(anonymous.headers()).doesNotContainKeys("x-edge-assertion", "x_edge_assertion");
	}

	@Test
	void twoRequestsThenTheCachedAssertionAndPerRequestRoutesAFreshOneWithTheRequestId() throws Exception {
		String token = bobsToken();
		String first = assertion(
				Echo.of(this.browser.get(gateway.url() + "/reports/a", "Authorization", "Bearer " + token)));
		String second = assertion(
				Echo.of(this.browser.get(gateway.url() + "/reports/b", "Authorization", "Bearer " + token)));
		assertThat(second).isEqualTo(first);
		HttpResponse<String> one = this.browser.get(gateway.url() + "/payments/1", "Authorization", "Bearer " + token,
				"X-Request-Id", "pay-1");
		HttpResponse<String> two = this.browser.get(gateway.url() + "/payments/2", "Authorization", "Bearer " + token,
				"X-Request-Id", "pay-2");
		JWTClaimsSet oneClaims = verify(assertion(Echo.of(one)), "payments");
		JWTClaimsSet twoClaims = verify(assertion(Echo.of(two)), "payments");
		assertThat(oneClaims.getStringClaim("request_id")).isEqualTo("pay-1");
		assertThat(twoClaims.getStringClaim("request_id")).isEqualTo("pay-2");
		assertThat(oneClaims.getJWTID()).isNotEqualTo(twoClaims.getJWTID());
	}

	@Test
	void jwkSetThenPublicKeysOfEveryConfiguredKeyServedWithoutSignIn() {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/.well-known/edge-gateway/jwks.json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> keys = (List<Map<String, Object>>) JsonMapper.builder()
			.build()
			.readValue(response.body(), Map.class)
			.get("keys");
		assertThat(keys).extracting((key) -> key.get("kid")).containsExactlyInAnyOrder("k1", "k2");
		assertThat(keys).extracting((key) -> key.get("alg")).containsExactlyInAnyOrder("ES256", "RS256");
		assertThat(keys).allSatisfy((key) -> assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
	}

	/**
	 * A gateway whose clock stands still until the test moves it past k2's
	 * {@code sign-from}: k1 signs before, k2 after, and the one JWK set verifies both.
	 */
	@Test
	void keyRotationThenTheFirstKeySignsUntilTheNextOnesSignFromAndBothVerify() throws Exception {
		TestClock clock = TestClock.at(Instant.now());
		try (GatewayInstance rotating = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				keys(clock.instant().plusSeconds(1)), clock)) {
			String token = bobsToken(clock.instant());
			String before = assertion(
					Echo.of(this.browser.get(rotating.url() + "/payments/1", "Authorization", "Bearer " + token)));
			clock.advance(Duration.ofSeconds(1));
			String after = assertion(
					Echo.of(this.browser.get(rotating.url() + "/payments/2", "Authorization", "Bearer " + token)));
			assertThat(SignedJWT.parse(before).getHeader().getKeyID()).isEqualTo("k1");
			assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo("k2");
			verify(rotating, before, "payments");
			verify(rotating, after, "payments");
		}
	}

	@Test
	void gatewayWithoutKeysThenNoJwkSet() {
		try (GatewayInstance plain = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of())) {
			HttpResponse<String> response = this.browser.get(plain.url() + "/.well-known/edge-gateway/jwks.json",
					"Accept", "application/json");
			assertThat(response.statusCode()).isEqualTo(404);
		}
	}

	private String bobsToken() {
		return bobsToken(Instant.now());
	}

	private String bobsToken(Instant issuedAt) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "bob");
		claims.put("aud", List.of("edge-gateway"));
		claims.put("email", "bob@example.com");
		claims.put("groups", List.of("sales"));
		claims.put("tenant", "t2");
		return idp.signAccessToken(claims, issuedAt, issuedAt.plusSeconds(300));
	}

	private static String assertion(Echo echo) {
		List<String> values = echo.header("X-Edge-Assertion");
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	/**
	 * Verify an assertion as an upstream would, with a stock library pointed at the
	 * served JWK set: signature, type, issuer, audience, expiry.
	 */
	private static JWTClaimsSet verify(String assertion, String audience) throws Exception {
		return verify(gateway, assertion, audience);
	}

	private static JWTClaimsSet verify(GatewayInstance gateway, String assertion, String audience) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(
				new DefaultJOSEObjectTypeVerifier<>(new com.nimbusds.jose.JOSEObjectType("edge-assertion+jwt")));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
				JWKSourceBuilder.create(URI.create(gateway.url() + "/.well-known/edge-gateway/jwks.json").toURL())
					.build()));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
				new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "iat", "exp", "jti")));
		return processor.process(assertion, null);
	}

}
