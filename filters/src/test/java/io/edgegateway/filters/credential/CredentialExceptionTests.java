package io.edgegateway.filters.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CredentialExceptionTests {

	@Test
	void fromWhenProviderDescribesItsRefusalThenTheMessageCarriesItsWords() {
		CredentialException failure = refusal("invalid_client", "Audience not found");
		assertThat(failure.getReason()).isEqualTo(CredentialException.Reason.REFUSED);
		assertThat(failure.getMessage())
			.isEqualTo("The identity provider refused the credential: invalid_client (Audience not found)");
	}

	@Test
	void fromWhenDescriptionHasControlCharactersThenTheyAreRemoved() {
		CredentialException failure = refusal("invalid_scope", "bad scope\r\n2026-12-01 WARN forged log line\u0000");
		assertThat(failure.getMessage()).doesNotContain("\r", "\n", "\u0000")
			.endsWith("(bad scope2026-12-01 WARN forged log line)");
	}

	@Test
	void fromWhenDescriptionIsLongThenCutAt200Characters() {
		CredentialException failure = refusal("invalid_request", "x".repeat(5_000));
		assertThat(failure.getMessage())
			.isEqualTo("The identity provider refused the credential: invalid_request (" + "x".repeat(200) + "…)");
	}

	@Test
	void fromWhenNoDescriptionThenTheCodeAlone() {
		assertThat(refusal("invalid_target", null).getMessage())
			.isEqualTo("The identity provider refused the credential: invalid_target");
		assertThat(refusal("invalid_target", " \t ").getMessage())
			.isEqualTo("The identity provider refused the credential: invalid_target");
	}

	@ParameterizedTest
	@ValueSource(strings = { "invalid_grant", "invalid_token", "login_required", "interaction_required",
			"consent_required", "insufficient_claims" })
	void fromWhenTheUsersGrantNoLongerStandsThenSignInRequiredForDelegationAndRefusedForServiceAccounts(String code) {
		assertThat(refusal(code, "AADSTS50076: multi-factor authentication required").getReason())
			.isEqualTo(CredentialException.Reason.SIGN_IN_REQUIRED);
		assertThat(CredentialException
			.from(new OAuth2AuthorizationException(new OAuth2Error(code)), "reports", "idp-service",
					CredentialMode.SERVICE_ACCOUNT)
			.getReason()).isEqualTo(CredentialException.Reason.REFUSED);
	}

	@Test
	void fromWhenKeycloakRejectsTheSubjectTokenThenSignInRequired() {
		assertThat(refusal("invalid_request", "Invalid token").getReason())
			.isEqualTo(CredentialException.Reason.SIGN_IN_REQUIRED);
		assertThat(refusal("invalid_request", "Missing parameter: subject_token_type").getReason())
			.isEqualTo(CredentialException.Reason.REFUSED);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "invalid_scope", "unauthorized_client", "invalid_client", "invalid_target", "access_denied" })
	void fromWhenNoSignInCanFixItThenRefused(String code) {
		assertThat(refusal(code, "Audience not found").getReason()).isEqualTo(CredentialException.Reason.REFUSED);
	}

	@Test
	void fromWhenTheProviderAsksForLoginOrConsentThenTheSignInPromptSaysIt() {
		assertThat(refusal("login_required", null).getSignInParameters()).containsExactly(entry("prompt", "login"));
		assertThat(refusal("interaction_required", null).getSignInParameters())
			.containsExactly(entry("prompt", "login"));
		assertThat(refusal("consent_required", null).getSignInParameters()).containsExactly(entry("prompt", "consent"));
		assertThat(refusal("invalid_grant", null).getSignInParameters()).isEmpty();
		assertThat(refusal("invalid_scope", null).getSignInParameters()).isEmpty();
	}

	@Test
	void fromWhenEntraAnswersWithAClaimsChallengeThenSignInAgainCarryingIt() {
		String claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
		CredentialException failure = CredentialException.from(
				new OAuth2AuthorizationException(
						new ClaimsChallengeError("invalid_grant", "AADSTS50076: multi-factor required", null, claims)),
				"ledger", "entra-obo", CredentialMode.ON_BEHALF_OF);
		assertThat(failure.getReason()).isEqualTo(CredentialException.Reason.SIGN_IN_REQUIRED);
		assertThat(failure.getSignInParameters()).containsExactly(entry("claims", claims));
		CredentialException serviceAccount = CredentialException.from(
				new OAuth2AuthorizationException(new ClaimsChallengeError("invalid_grant", null, null, claims)),
				"reports", "reports-sa", CredentialMode.SERVICE_ACCOUNT);
		assertThat(serviceAccount.getReason()).as("no user to sign in").isEqualTo(CredentialException.Reason.REFUSED);
		assertThat(serviceAccount.getSignInParameters()).isEmpty();
	}

	private static CredentialException refusal(String code, String description) {
		return CredentialException.from(new OAuth2AuthorizationException(new OAuth2Error(code, description, null)),
				"orders", "idp-exchange", CredentialMode.TOKEN_EXCHANGE);
	}

}
