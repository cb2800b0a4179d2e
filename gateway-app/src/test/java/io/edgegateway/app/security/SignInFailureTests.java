package io.edgegateway.app.security;

import java.net.ConnectException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SignInFailure}: what a failed sign-in is called and whose move it is.
 */
class SignInFailureTests {

	static Stream<Arguments> errors() {
		return Stream.of(Arguments.of("access_denied", HttpStatus.UNAUTHORIZED, "declined"),
				Arguments.of("login_required", HttpStatus.UNAUTHORIZED, "sign in again"),
				Arguments.of("authorization_request_not_found", HttpStatus.UNAUTHORIZED, "another tab"),
				Arguments.of("invalid_grant", HttpStatus.UNAUTHORIZED, "authorization code"),
				Arguments.of("invalid_client", HttpStatus.BAD_GATEWAY, "refused the gateway's client credentials"),
				Arguments.of("invalid_scope", HttpStatus.BAD_GATEWAY, "scopes"),
				Arguments.of("invalid_id_token", HttpStatus.BAD_GATEWAY, "ID token"),
				Arguments.of("invalid_nonce", HttpStatus.BAD_GATEWAY, "ID token"),
				Arguments.of("server_error", HttpStatus.BAD_GATEWAY, "error of its own"),
				Arguments.of("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "temporarily unavailable"),
				Arguments.of("idp_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "could not be reached"),
				Arguments.of("a_providers_own", HttpStatus.BAD_GATEWAY, "refused the sign-in"));
	}

	@ParameterizedTest
	@MethodSource("errors")
	void ofWhenProviderErrorThenStatusAndPlainWordsEndingInTheCode(String code, HttpStatus status, String words) {
		SignInFailure failure = SignInFailure.of("idp", new OAuth2AuthenticationException(new OAuth2Error(code)));

		assertThat(failure.status()).isEqualTo(status);
		assertThat(failure.meaning()).contains(words).endsWith("(" + code + ")");
		assertThat(failure.error()).isEqualTo(code);
		assertThat(failure.registration()).isEqualTo("idp");
	}

	@Test
	void ofWhenErrorCodeIsNotWellFormedThenMalformedNotTheProvidersText() {
		SignInFailure failure = SignInFailure.of("idp",
				new OAuth2AuthenticationException(new OAuth2Error("<script>alert(1)</script>")));

		assertThat(failure.error()).isEqualTo(SignInFailure.MALFORMED);
		assertThat(failure.meaning()).doesNotContain("script");
		assertThat(SignInFailure.isKnown(failure.error())).isFalse();
	}

	@Test
	void ofWhenDescriptionHasControlCharactersAndIsLongThenSanitizedAndCut() {
		SignInFailure failure = SignInFailure.of("idp", new OAuth2AuthenticationException(
				new OAuth2Error("access_denied", "line one\r\nline two " + "x".repeat(300), null)));

		assertThat(failure.description()).startsWith("line oneline two").endsWith("…").doesNotContain("\n");
		assertThat(failure.description()).hasSize(201);
	}

	@Test
	void ofWhenUserInfoEndpointUnreachableThenIdpUnavailable() {
		SignInFailure failure = SignInFailure.of(null, new AuthenticationServiceException(
				"Unable to access the userInfoEndpoint", new ConnectException("Connection refused")));

		assertThat(failure.error()).isEqualTo("idp_unavailable");
		assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(failure.description()).isNull();
	}

	@Test
	void ofWhenOtherAuthenticationFailureThenSignInErrorWithoutItsMessage() {
		SignInFailure failure = SignInFailure.of("idp", new AuthenticationServiceException("internal detail"));

		assertThat(failure.error()).isEqualTo(SignInFailure.SIGN_IN_ERROR);
		assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(failure.meaning()).doesNotContain("internal detail");
	}

}
