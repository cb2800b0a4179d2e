package io.edgegateway.filters.assertion;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.filters.support.TestClock;
import io.edgegateway.filters.support.TestExchanges;
import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.filters.user.IdentityClaims;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AssertionSignerTests {

	private static final IdentityClaims ALICE = TestExchanges.ALICE.claims();

	private final TestClock clock = TestClock.at(Instant.now());

	private final AssertionSpec orders = new AssertionSpec("orders", "orders-api", AssertionClaim.DEFAULTS,
			"X-Edge-Assertion", false);

	@Test
	void signWhenEcKeyThenEs256AssertionVerifiableWithThePublishedKeys() throws Exception {
		AssertionSigner signer = TestAssertionSigners.signer(TestAssertionSigners.withEcKey("k1"), this.clock);
		SignedAssertion assertion = signer.sign(this.orders, ALICE, null);
		SignedJWT jwt = SignedJWT.parse(assertion.token());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
		assertThat(jwt.getHeader().getType()).isEqualTo(AssertionSigner.TYPE);
		JWTClaimsSet claims = TestAssertionSigners.verify(assertion.token(), signer, "orders-api");
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getIssuer()).isEqualTo("https://edge.example.com");
		assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
		assertThat(claims.getStringListClaim("groups")).containsExactly("engineering");
		assertThat(claims.getStringClaim("tenant")).isEqualTo("t1");
		assertThat(claims.getClaims()).doesNotContainKeys("idp", "name", AssertionSigner.REQUEST_ID_CLAIM);
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(2));
		assertThat(assertion.expiresAt()).isEqualTo(claims.getExpirationTime().toInstant());
	}

	@Test
	void signWhenRsaKeyThenRs256() throws Exception {
		AssertionProperties properties = new AssertionProperties();
		properties.getKeys().put("r1", TestAssertionSigners.key(TestKeys.generate("r1").privateKeyPem(), null));
		AssertionSigner signer = TestAssertionSigners.signer(properties, this.clock);
		String token = signer.sign(this.orders, ALICE, "req-1").token();
		assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(TestAssertionSigners.verify(token, signer, "orders-api").getStringClaim("request_id"))
			.isEqualTo("req-1");
	}

	@Test
	void signWhenRouteChoosesClaimsThenCarriesOnlyThoseAndSub() throws Exception {
		AssertionSigner signer = TestAssertionSigners.signer(TestAssertionSigners.withEcKey("k1"), this.clock);
		AssertionSpec groupsOnly = new AssertionSpec("reports", "reports", List.of(AssertionClaim.GROUPS),
				"X-Edge-Assertion", false);
		JWTClaimsSet claims = TestAssertionSigners.verify(signer.sign(groupsOnly, ALICE, null).token(), signer,
				"reports");
		assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "nbf", "exp",
				"jti", "groups");
	}

	@Test
	void jwkSetWhenPublishedThenPublicPartsOnly() {
		AssertionProperties properties = TestAssertionSigners.withEcKey("k1");
		properties.getKeys().put("r1", TestAssertionSigners.key(TestKeys.generate("r1").privateKeyPem(), null));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> keys = (List<Map<String, Object>>) TestAssertionSigners.signer(properties, this.clock)
			.jwkSet()
			.get("keys");
		assertThat(keys).hasSize(2)
			.allSatisfy((key) -> assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth")
				.containsEntry("use", "sig")
				.containsKey("alg"));
	}

	@Test
	void signWhenNextKeysSignFromPassesThenItSignsAndBothArePublished() throws Exception {
		AssertionProperties properties = TestAssertionSigners.withEcKey("k1");
		properties.getKeys()
			.put("k2", TestAssertionSigners.key(TestKeys.pem(TestKeys.ecP256().getPrivate()),
					this.clock.instant().plusSeconds(10)));
		AssertionSigner signer = TestAssertionSigners.signer(properties, this.clock);
		assertThat(TestAssertionSigners.keyIds(signer)).containsExactlyInAnyOrder("k1", "k2");
		String before = signer.sign(this.orders, ALICE, null).token();
		this.clock.advance(Duration.ofSeconds(10));
		String after = signer.sign(this.orders, ALICE, null).token();
		assertThat(SignedJWT.parse(before).getHeader().getKeyID()).isEqualTo("k1");
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo("k2");
		assertThat(signer.signingKeyId()).isEqualTo("k2");
		TestAssertionSigners.verify(before, signer, "orders-api");
		TestAssertionSigners.verify(after, signer, "orders-api");
	}

	@Test
	void fromWhenConfigurationIsUnusableThenNamesEveryProperty() throws Exception {
		AssertionProperties properties = new AssertionProperties();
		properties.setLifetime(Duration.ofMinutes(6));
		properties.getKeys().put("small", TestAssertionSigners.key(TestKeys.pem(rsa1024()), null));
		properties.getKeys().put("p384", TestAssertionSigners.key(TestKeys.pem(ecP384()), null));
		properties.getKeys().put("text", TestAssertionSigners.key("not a key", null));
		properties.getKeys().put("missing", TestAssertionSigners.key("file:/nonexistent/key.pem", null));
		properties.getKeys().put("empty", TestAssertionSigners.key(null, null));
		assertThatExceptionOfType(AssertionConfigurationException.class)
			.isThrownBy(() -> AssertionSigner.from(properties, null, this.clock))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"edge.assertion.issuer: required to sign identity assertions "
							+ "(or set edge.security.public-base-url)",
					"edge.assertion.lifetime: PT6M is not between 1s and PT5M",
					"edge.assertion.keys.small.private-key: key 'small' is unusable: an RSA key must have at least "
							+ "2048 bits (RS256), this one has 1024",
					"edge.assertion.keys.p384.private-key: key 'p384' is unusable: an EC key must be on curve "
							+ "P-256 (ES256)",
					"edge.assertion.keys.text.private-key: key 'text' is unusable: not a PKCS#8 PEM private key "
							+ "(expected '-----BEGIN PRIVATE KEY-----')",
					"edge.assertion.keys.missing.private-key: key 'missing' is unusable: cannot read "
							+ "/nonexistent/key.pem: /nonexistent/key.pem",
					"edge.assertion.keys.empty.private-key: a private key is required"));
	}

	@Test
	void fromWhenNoKeySignsYetThenSaysSo() {
		AssertionProperties properties = new AssertionProperties();
		properties.getKeys()
			.put("k2", TestAssertionSigners.key(TestKeys.pem(TestKeys.ecP256().getPrivate()),
					this.clock.instant().plusSeconds(60)));
		assertThatExceptionOfType(AssertionConfigurationException.class)
			.isThrownBy(() -> AssertionSigner.from(properties, TestAssertionSigners.ISSUER, this.clock))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("edge.assertion.keys: no key signs now (every sign-from is in the future)"));
	}

	@Test
	void signWhenGroupsWouldExceedMaxSizeThenCutsBetweenGroupsAndMarksTheCut() throws Exception {
		AssertionSigner signer = TestAssertionSigners.signer(TestAssertionSigners.withEcKey("k1"), this.clock);
		List<String> groups = IntStream.rangeClosed(1, 500).mapToObj((n) -> "group-" + n).toList();
		IdentityClaims manyGroups = new IdentityClaims("bob", "Bob", "bob@example.com", groups, "t1", null);
		String token = signer.sign(this.orders, manyGroups, null).token();
		assertThat(token.length()).isLessThanOrEqualTo(4096);
		JWTClaimsSet claims = TestAssertionSigners.verify(token, signer, "orders-api");
		List<String> sent = claims.getStringListClaim("groups");
		assertThat(groups).startsWith(sent.toArray(String[]::new));
		assertThat(sent).hasSizeBetween(100, 499);
		assertThat(claims.getBooleanClaim(AssertionSigner.GROUPS_TRUNCATED_CLAIM)).isTrue();
		assertThat(claims.getStringClaim("email")).isEqualTo("bob@example.com");
		assertThat(claims.getStringClaim("tenant")).isEqualTo("t1");
		// one more group (',"group-NNN"', 12 bytes) would add 16 base64url characters
		assertThat(token.length()).as("the cut keeps every group that fits").isGreaterThan(4096 - 16 - 3);
	}

	@Test
	void signWhenGroupsFitThenNoTruncationMark() throws Exception {
		AssertionSigner signer = TestAssertionSigners.signer(TestAssertionSigners.withEcKey("k1"), this.clock);
		JWTClaimsSet claims = TestAssertionSigners.verify(signer.sign(this.orders, ALICE, null).token(), signer,
				"orders-api");
		assertThat(claims.getClaims()).doesNotContainKey(AssertionSigner.GROUPS_TRUNCATED_CLAIM);
	}

	@Test
	void signWhenEvenWithoutGroupsTooLargeThenLeavesOutOtherClaimsWholeLastFirst() throws Exception {
		AssertionProperties properties = new AssertionProperties();
		properties.setMaxSize(1024);
		properties.getKeys().put("r1", TestAssertionSigners.key(TestKeys.generate("r1").privateKeyPem(), null));
		AssertionSigner signer = TestAssertionSigners.signer(properties, this.clock);
		String longTenant = "t".repeat(600);
		IdentityClaims bob = new IdentityClaims("bob", "Bob", "bob@example.com", List.of("a", "b"), longTenant,
				"https://idp.example.com");
		String token = signer.sign(this.orders, bob, null).token();
		assertThat(token.length()).isLessThanOrEqualTo(1024);
		JWTClaimsSet claims = TestAssertionSigners.verify(token, signer, "orders-api");
		assertThat(claims.getClaims()).doesNotContainKeys("groups", "tenant", "idp");
		assertThat(claims.getStringClaim("email")).as("claims before the last that fit stay")
			.isEqualTo("bob@example.com");
		assertThat(claims.getBooleanClaim(AssertionSigner.GROUPS_TRUNCATED_CLAIM)).isTrue();
		assertThat(claims.getSubject()).isEqualTo("bob");
	}

	@Test
	void fromWhenMaxSizeBelowTheLeastThenNamesTheProperty() {
		AssertionProperties properties = TestAssertionSigners.withEcKey("k1");
		properties.setMaxSize(512);
		assertThatExceptionOfType(AssertionConfigurationException.class)
			.isThrownBy(() -> AssertionSigner.from(properties, TestAssertionSigners.ISSUER, this.clock))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("edge.assertion.max-size: 512 is less than 1024 bytes"));
	}

	private static java.security.PrivateKey rsa1024() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		return generator.generateKeyPair().getPrivate();
	}

	private static java.security.PrivateKey ecP384() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		return generator.generateKeyPair().getPrivate();
	}

}
