package io.edgegateway.filters.assertion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.filters.support.TestClock;
import io.edgegateway.filters.support.TestExchanges;
import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.filters.user.IdentityClaims;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityAssertionsTests {

	private static final IdentityClaims ALICE = TestExchanges.ALICE.claims();

	private static final IdentityClaims BOB = new IdentityClaims("bob", null, "bob@example.com", List.of("sales"), "t2",
			null);

	private final TestClock clock = TestClock.at(Instant.now());

	private final AssertionProperties properties = TestAssertionSigners.withEcKey("k1");

	private final IdentityAssertions assertions = new IdentityAssertions(
			TestAssertionSigners.signer(this.properties, this.clock), 100, this.clock);

	@Test
	void assertionWhenAskedAgainWithinHalfItsLifetimeThenTheSameOne() {
		String first = this.assertions.assertion(spec("orders", false), ALICE, "req-1");
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.assertions.assertion(spec("orders", false), ALICE, "req-2")).isEqualTo(first);
	}

	@Test
	void assertionWhenHalfItsLifetimeIsGoneThenANewOne() {
		String first = this.assertions.assertion(spec("orders", false), ALICE, "req-1");
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.assertions.assertion(spec("orders", false), ALICE, "req-2")).isNotEqualTo(first);
	}

	@Test
	void assertionWhenAnotherUserOrAudienceThenAnotherOne() {
		String alice = this.assertions.assertion(spec("orders", false), ALICE, "req-1");
		assertThat(this.assertions.assertion(spec("orders", false), BOB, "req-1")).isNotEqualTo(alice);
		assertThat(this.assertions.assertion(spec("reports", false), ALICE, "req-1")).isNotEqualTo(alice);
	}

	@Test
	void assertionWhenPerRequestThenFreshAndCarriesTheRequestId() throws Exception {
		String first = this.assertions.assertion(spec("orders", true), ALICE, "req-1");
		String second = this.assertions.assertion(spec("orders", true), ALICE, "req-2");
		assertThat(second).isNotEqualTo(first);
		assertThat(SignedJWT.parse(first).getJWTClaimsSet().getStringClaim("request_id")).isEqualTo("req-1");
		assertThat(SignedJWT.parse(second).getJWTClaimsSet().getStringClaim("request_id")).isEqualTo("req-2");
	}

	@Test
	void assertionWhenCachedThenCarriesNoRequestId() throws Exception {
		String token = this.assertions.assertion(spec("orders", false), ALICE, "req-1");
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).doesNotContainKey("request_id");
	}

	@Test
	void assertionWhenTheNextKeyTakesOverThenSignedAnewByIt() throws Exception {
		this.properties.getKeys()
			.put("k2", TestAssertionSigners.key(TestKeys.pem(TestKeys.ecP256().getPrivate()),
					this.clock.instant().plusSeconds(10)));
		IdentityAssertions rotating = new IdentityAssertions(TestAssertionSigners.signer(this.properties, this.clock),
				100, this.clock);
		String before = rotating.assertion(spec("orders", false), ALICE, "req-1");
		this.clock.advance(Duration.ofSeconds(10));
		String after = rotating.assertion(spec("orders", false), ALICE, "req-2");
		assertThat(SignedJWT.parse(before).getHeader().getKeyID()).isEqualTo("k1");
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo("k2");
	}

	private static AssertionSpec spec(String audience, boolean perRequest) {
		return new AssertionSpec("route", audience, AssertionClaim.DEFAULTS, "X-Edge-Assertion", perRequest);
	}

}
