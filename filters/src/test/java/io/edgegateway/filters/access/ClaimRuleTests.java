package io.edgegateway.filters.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.edgegateway.filters.user.IdentityClaims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimRuleTests {

	private static final IdentityClaims ALICE = new IdentityClaims("alice", null, "Alice@Example.COM",
			List.of("engineering", "on-call"), "t1", "https://idp.example.com");

	static Stream<Arguments> rules() {
		return Stream.of(
				Arguments.of(new ClaimRule(ClaimRule.Kind.GROUPS, ClaimRule.Match.ANY_OF, Set.of("finance", "on-call")),
						true),
				Arguments.of(new ClaimRule(ClaimRule.Kind.GROUPS, ClaimRule.Match.ANY_OF, Set.of("finance")), false),
				Arguments.of(
						new ClaimRule(ClaimRule.Kind.GROUPS, ClaimRule.Match.ALL_OF, Set.of("engineering", "on-call")),
						true),
				Arguments.of(
						new ClaimRule(ClaimRule.Kind.GROUPS, ClaimRule.Match.ALL_OF, Set.of("engineering", "finance")),
						false),
				Arguments.of(new ClaimRule(ClaimRule.Kind.SCOPES, ClaimRule.Match.ALL_OF, Set.of("reports.read")),
						true),
				Arguments.of(new ClaimRule(ClaimRule.Kind.SCOPES, ClaimRule.Match.ALL_OF,
						Set.of("reports.read", "reports.write")), false),
				Arguments.of(new ClaimRule(ClaimRule.Kind.TENANT, ClaimRule.Match.ANY_OF, Set.of("t1", "t3")), true),
				Arguments.of(new ClaimRule(ClaimRule.Kind.TENANT, ClaimRule.Match.ANY_OF, Set.of("t2")), false),
				Arguments.of(new ClaimRule(ClaimRule.Kind.ISSUER, ClaimRule.Match.ANY_OF,
						Set.of("https://idp.example.com", "https://partner.example.com")), true),
				Arguments.of(new ClaimRule(ClaimRule.Kind.ISSUER, ClaimRule.Match.ANY_OF,
						Set.of("https://partner.example.com")), false),
				Arguments.of(new ClaimRule(ClaimRule.Kind.EMAIL_DOMAIN, ClaimRule.Match.ANY_OF, Set.of("example.com")),
						true),
				Arguments.of(
						new ClaimRule(ClaimRule.Kind.EMAIL_DOMAIN, ClaimRule.Match.ANY_OF, Set.of("evil.example.com")),
						false));
	}

	@ParameterizedTest
	@MethodSource("rules")
	void testWhenUserHoldsOrLacksValuesThenMatchesAccordingly(ClaimRule rule, boolean expected) {
		assertThat(rule.test(ALICE, Set.of("reports.read", "openid"))).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("rules")
	void describeWhenRuleThenNamesFieldAndValues(ClaimRule rule, boolean ignored) {
		assertThat(rule.describe()).matches("(groups|scopes|tenants|email-domains|issuers): (one|all) of \\[.+\\]");
	}

}
