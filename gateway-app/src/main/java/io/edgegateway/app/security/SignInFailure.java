package io.edgegateway.app.security;

import java.util.Map;
import java.util.regex.Pattern;

import io.edgegateway.filters.credential.ProviderErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A browser sign-in that failed, as the gateway explains it: the error code (the
 * provider's, such as {@code access_denied} or {@code invalid_client}, or Spring
 * Security's, such as {@code authorization_request_not_found} or
 * {@code invalid_id_token}, or the gateway's {@code idp_unavailable}), what it means in
 * plain words, the provider's sanitized {@code error_description}, and the status of the
 * answer. Never a code, a token or the {@code state}.
 * <p>
 * The status says whose move it is: {@code 401} when the user declined, the provider
 * wants the user to sign in again or the sign-in went stale (signing in again is the
 * fix); {@code 502} when the provider refused the gateway or answered with something
 * unusable (an operator's fix); {@code 503} when the provider could not be reached or
 * said it is temporarily unavailable (waiting is the fix).
 *
 * @param registration the client registration the sign-in was for, if known
 * @param error the error code; only letters, digits, {@code _}, {@code -} and {@code .}
 * @param meaning what failed, in plain words, ending with the error code in parentheses
 * @param description the provider's {@code error_description}, sanitized, if any
 * @param status the answer's status
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749, 4.1.2.1
 * (authorization error response)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749, 5.2 (token
 * error response)</a>
 */
record SignInFailure(@Nullable String registration, String error, String meaning, @Nullable String description,
		HttpStatus status) {

	/**
	 * What an error code that is not a well-formed one (from a callback anyone can send)
	 * is reported as.
	 */
	static final String MALFORMED = "malformed_error";

	private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	/**
	 * Spring Security's code for a callback whose {@code state} names no sign-in this
	 * browser's session started.
	 */
	static final String AUTHORIZATION_REQUEST_NOT_FOUND = "authorization_request_not_found";

	/**
	 * The gateway's code for a sign-in that failed for a reason the provider did not
	 * name.
	 */
	static final String SIGN_IN_ERROR = "sign_in_error";

	private static final Map<String, Explanation> EXPLANATIONS = Map.ofEntries(
			user("access_denied", "the sign-in was declined at the identity provider"),
			user("login_required", "the identity provider needs you to sign in again"),
			user("interaction_required", "the identity provider needs you to sign in again"),
			user("consent_required", "the identity provider needs your consent first"),
			user("account_selection_required", "the identity provider needs you to choose an account"),
			user(AUTHORIZATION_REQUEST_NOT_FOUND,
					"the sign-in could not be matched to one this browser started: an old bookmark, another tab, "
							+ "or cookies blocked"),
			user("invalid_grant",
					"the identity provider did not accept the sign-in's authorization code: it expired or was used "
							+ "already"),
			provider("invalid_client", "the identity provider refused the gateway's client credentials"),
			provider("unauthorized_client", "the identity provider does not allow the gateway this sign-in"),
			provider("invalid_scope", "the identity provider refused the scopes the gateway asked for"),
			provider("invalid_request", "the identity provider refused the gateway's sign-in request"),
			provider("unsupported_response_type", "the identity provider refused the gateway's sign-in request"),
			provider("invalid_id_token", "the identity provider's ID token did not pass validation"),
			provider("invalid_nonce", "the identity provider's ID token did not pass validation"),
			provider("invalid_token_response", "the identity provider's token answer could not be read"),
			provider("invalid_user_info_response", "the identity provider's user info could not be read"),
			provider("server_error", "the identity provider failed with an error of its own"),
			provider(SIGN_IN_ERROR, "the sign-in could not be completed"),
			unavailable("temporarily_unavailable", "the identity provider is temporarily unavailable"),
			unavailable(ProviderErrors.UNAVAILABLE, "the identity provider could not be reached"));

	/**
	 * Whether an error code is one the gateway explains (and counts under its own name;
	 * any other is counted as {@code other}, so a provider cannot grow the metric without
	 * bound).
	 * @param error the error code
	 * @return whether it is known
	 */
	static boolean isKnown(String error) {
		return EXPLANATIONS.containsKey(error);
	}

	/**
	 * Explain a failed sign-in.
	 * @param registration the client registration it was for, if known
	 * @param failure what Spring Security reported
	 * @return the explanation
	 */
	static SignInFailure of(@Nullable String registration, AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			String code = ERROR_CODE.matcher(String.valueOf(error.getErrorCode())).matches() ? error.getErrorCode()
					: MALFORMED;
			return of(registration, code, ProviderErrors.description(error.getDescription()));
		}
		if (ProviderErrors.isUnreachable(failure)) {
			return of(registration, ProviderErrors.UNAVAILABLE, null);
		}
		return of(registration, SIGN_IN_ERROR, null);
	}

	private static SignInFailure of(@Nullable String registration, String code, @Nullable String description) {
		Explanation explanation = EXPLANATIONS.getOrDefault(code,
				new Explanation("the identity provider refused the sign-in", HttpStatus.BAD_GATEWAY));
		return new SignInFailure(registration, code, explanation.words() + " (" + code + ")", description,
				explanation.status());
	}

	private static Map.Entry<String, Explanation> user(String code, String words) {
		return Map.entry(code, new Explanation(words, HttpStatus.UNAUTHORIZED));
	}

	private static Map.Entry<String, Explanation> provider(String code, String words) {
		return Map.entry(code, new Explanation(words, HttpStatus.BAD_GATEWAY));
	}

	private static Map.Entry<String, Explanation> unavailable(String code, String words) {
		return Map.entry(code, new Explanation(words, HttpStatus.SERVICE_UNAVAILABLE));
	}

	private record Explanation(String words, HttpStatus status) {
	}

}
