package io.edgegateway.filters.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a sign-in lacks for a route's {@code StepUp}, read from the claims as decoders
 * give them ({@link Instant}) and as JWTs carry them (seconds).
 */
class StepUpRequirementTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void acrOneOfAndAmrAllOf() {
		StepUpRequirement requirement = new StepUpRequirement(List.of("mfa", "gold"), null, List.of("otp", "pwd"));
		assertThat(requirement.unmet(Map.of("acr", "gold", "amr", List.of("pwd", "otp", "mfa")), NOW)).isEmpty();
		assertThat(requirement.unmet(Map.of("acr", "pwd", "amr", List.of("pwd")), NOW))
			.containsExactly("acr: one of [mfa, gold]", "amr: all of [otp, pwd]");
		assertThat(requirement.unmet(Map.of(), NOW)).hasSize(2);
		assertThat(requirement.acrValues()).isEqualTo("mfa gold");
	}

	@Test
	void maxAgeReadsAuthTimeAsInstantOrSecondsAndRequiresIt() {
		StepUpRequirement requirement = new StepUpRequirement(List.of(), Duration.ofMinutes(15), List.of());
		assertThat(requirement.unmet(Map.of("auth_time", NOW.minusSeconds(60)), NOW)).isEmpty();
		assertThat(requirement.unmet(Map.of("auth_time", NOW.minusSeconds(60).getEpochSecond()), NOW)).isEmpty();
		assertThat(requirement.unmet(Map.of("auth_time", NOW.minusSeconds(901)), NOW))
			.containsExactly("a sign-in in the last 900 s");
		assertThat(requirement.unmet(Map.of(), NOW)).containsExactly("a sign-in in the last 900 s");
		assertThat(requirement.acrValues()).isNull();
	}

	@Test
	void conditionsThenEachWithWhatTheSignInHas() {
		StepUpRequirement requirement = new StepUpRequirement(List.of("mfa"), Duration.ofMinutes(15), List.of("otp"));
		assertThat(requirement
			.conditions(Map.of("acr", "pwd", "auth_time", NOW.minusSeconds(60), "amr", List.of("pwd")), NOW))
			.containsExactly(new AccessCondition("acr: one of [mfa]", false, "sign-in has acr pwd"),
					new AccessCondition("a sign-in in the last 900 s", true, "signed in at 2026-12-01T11:59:00Z"),
					new AccessCondition("amr: all of [otp]", false, "sign-in used [pwd]"));
		assertThat(requirement.conditions(Map.of(), NOW)).extracting(AccessCondition::found)
			.containsExactly("sign-in has no acr", "sign-in has no auth_time", "sign-in used []");
	}

	@Test
	void configWithoutAnyConditionOrWithAMaxAgeUnderASecondThenRefusedNamingTheRoute() {
		StepUpGatewayFilterFactory.Config empty = new StepUpGatewayFilterFactory.Config();
		empty.setRouteId("payments");
		assertThatIllegalArgumentException().isThrownBy(empty::toRequirement)
			.withMessage("route 'payments': StepUp needs at least one of acr, max-age, amr");
		StepUpGatewayFilterFactory.Config milliseconds = new StepUpGatewayFilterFactory.Config()
			.setMaxAge(Duration.ofMillis(900));
		milliseconds.setRouteId("payments");
		assertThatIllegalArgumentException().isThrownBy(milliseconds::toRequirement)
			.withMessageContaining("max-age must be at least 1s");
	}

}
