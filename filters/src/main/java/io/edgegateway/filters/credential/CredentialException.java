package io.edgegateway.filters.credential;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The credential a route declares could not be obtained, so the upstream is not called.
 * Carries what an operator needs and a client may see: the route, the registration, the
 * credential mode and an error code (the identity provider's, such as
 * {@code invalid_grant}, or the gateway's own). Never a token.
 * <p>
 * Its length is the reason table of one translation (provider error codes to sign-in,
 * refusal, outage) that belongs in one place.
 */
public class CredentialException extends RuntimeException {

	/**
	 * What providers answer when the user's own token or grant no longer stands, so that
	 * only signing in again helps: an expired, revoked or invalid grant or token (RFC
	 * 6749, RFC 6750), OpenID Connect's {@code login_required},
	 * {@code interaction_required} and {@code consent_required}, Entra ID's claims
	 * challenge ({@code insufficient_claims}; its {@code invalid_grant} and
	 * {@code interaction_required} are here already).
	 */
	private static final Set<String> SIGN_IN_ERRORS = Set.of("invalid_grant", "invalid_token",
			"client_authorization_required", "login_required", "interaction_required", "consent_required",
			"insufficient_claims");

	/**
	 * Keycloak's answer to a token exchange whose subject token it no longer accepts (the
	 * user's session ended, the token was revoked): {@code invalid_request} with this
	 * description, where the RFC 8693 answer would be {@code invalid_grant}.
	 */
	private static final String REJECTED_SUBJECT_TOKEN = "Invalid token";

	private static final Set<String> UNAVAILABLE_ERRORS = Set.of("invalid_token_response", "server_error",
			"temporarily_unavailable");

	/**
	 * OpenID Connect's {@code prompt} parameter of the sign-in.
	 */
	public static final String PROMPT = "prompt";

	/**
	 * OpenID Connect's {@code claims} parameter of the sign-in: a claims challenge.
	 */
	public static final String CLAIMS = "claims";

	private final Reason reason;

	private final String routeId;

	private final @Nullable String registration;

	private final CredentialMode mode;

	private final String errorCode;

	public CredentialException(Reason reason, String routeId, @Nullable String registration, CredentialMode mode,
			String errorCode, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.routeId = routeId;
		this.registration = registration;
		this.mode = mode;
		this.errorCode = errorCode;
	}

	/**
	 * Translate a failure of the identity provider, or of the way to it, into a
	 * credential exception.
	 * @param failure what the OAuth2 client reported
	 * @param routeId the route
	 * @param registration the client registration
	 * @param mode the credential mode
	 * @return the translated exception
	 */
	public static CredentialException from(Throwable failure, String routeId, @Nullable String registration,
			CredentialMode mode) {
		if (failure instanceof CredentialException credential) {
			return credential;
		}
		if (failure instanceof OAuth2AuthorizationException authorization) {
			String code = authorization.getError().getErrorCode();
			Reason reason = (mode.presentsUserToken() && meansSignInAgain(authorization.getError()))
					? Reason.SIGN_IN_REQUIRED : UNAVAILABLE_ERRORS.contains(code) ? Reason.UNAVAILABLE : Reason.REFUSED;
			String message = ((reason == Reason.UNAVAILABLE) ? "The identity provider failed to answer: " + code
					: "The identity provider refused the credential: " + code)
					+ providersWords(authorization.getError().getDescription());
			return new CredentialException(reason, routeId, registration, mode, code, message, failure);
		}
		if (ProviderErrors.isUnreachable(failure)) {
			return new CredentialException(Reason.UNAVAILABLE, routeId, registration, mode, ProviderErrors.UNAVAILABLE,
					"The identity provider could not be reached", failure);
		}
		return new CredentialException(Reason.UNAVAILABLE, routeId, registration, mode, "credential_error",
				"The credential could not be obtained", failure);
	}

	private static boolean meansSignInAgain(OAuth2Error error) {
		return SIGN_IN_ERRORS.contains(error.getErrorCode()) || error instanceof ClaimsChallengeError
				|| ("invalid_request".equals(error.getErrorCode())
						&& REJECTED_SUBJECT_TOKEN.equalsIgnoreCase(String.valueOf(error.getDescription()).strip()));
	}

	/**
	 * The provider's own description of its answer, sanitized
	 * ({@link ProviderErrors#description}), in parentheses after the gateway's words.
	 */
	private static String providersWords(@Nullable String description) {
		String words = ProviderErrors.description(description);
		return (words != null) ? " (" + words + ")" : "";
	}

	/**
	 * A credential that needs a signed-in user, asked for without one.
	 * @param routeId the route
	 * @param registration the client registration, if any
	 * @param mode the credential mode
	 * @return the exception
	 */
	public static CredentialException signInRequired(String routeId, @Nullable String registration,
			CredentialMode mode) {
		return new CredentialException(Reason.SIGN_IN_REQUIRED, routeId, registration, mode, "sign_in_required",
				"The route needs a signed-in user", null);
	}

	/**
	 * A credential source that completed without a token: the upstream is not called
	 * without the credential its route declares.
	 * @param routeId the route
	 * @param registration the client registration, if any
	 * @param mode the credential mode
	 * @return the exception
	 */
	public static CredentialException noToken(String routeId, @Nullable String registration, CredentialMode mode) {
		return new CredentialException(Reason.NO_TOKEN, routeId, registration, mode, "no_token",
				"The credential completed without a token", null);
	}

	public Reason getReason() {
		return this.reason;
	}

	public String getRouteId() {
		return this.routeId;
	}

	public @Nullable String getRegistration() {
		return this.registration;
	}

	public CredentialMode getMode() {
		return this.mode;
	}

	public String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * What the provider asked of the user's next sign-in, when its answer says: the
	 * OpenID Connect {@code prompt} ({@code login} to authenticate again for
	 * {@code login_required} and {@code interaction_required}, {@code consent} for
	 * {@code consent_required}) and Entra ID's claims challenge ({@code claims}).
	 * @return the sign-in's parameters by name, empty when it asks nothing or no sign-in
	 * is required
	 */
	public Map<String, String> getSignInParameters() {
		if (this.reason != Reason.SIGN_IN_REQUIRED) {
			return Map.of();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		switch (this.errorCode) {
			case "login_required", "interaction_required" -> parameters.put(PROMPT, "login");
			case "consent_required" -> parameters.put(PROMPT, "consent");
			default -> {
			}
		}
		if (getCause() instanceof OAuth2AuthorizationException authorization
				&& authorization.getError() instanceof ClaimsChallengeError challenge) {
			parameters.put(CLAIMS, challenge.getClaims());
		}
		return parameters;
	}

	/**
	 * Why a credential could not be obtained, which decides what the client is told.
	 */
	public enum Reason {

		/**
		 * The user must sign in (again): no session, or the session's grant is no longer
		 * valid. {@code 401}.
		 */
		SIGN_IN_REQUIRED,

		/**
		 * The identity provider refused the request. {@code 403}.
		 */
		REFUSED,

		/**
		 * The identity provider could not be reached or answered with an error of its
		 * own. {@code 503}.
		 */
		UNAVAILABLE,

		/**
		 * Obtaining the credential ended without a token and without an error: neither a
		 * refusal nor an outage, and not something a retry fixes. {@code 502}.
		 */
		NO_TOKEN

	}

}
