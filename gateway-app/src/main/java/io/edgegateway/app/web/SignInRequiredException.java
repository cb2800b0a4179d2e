package io.edgegateway.app.web;

import java.util.Map;

import io.edgegateway.filters.credential.CredentialException;

import org.springframework.security.authentication.InsufficientAuthenticationException;

/**
 * The user must sign in again, with what the sign-in must ask of the identity provider:
 * an OpenID Connect {@code prompt} the provider asked for ({@code login},
 * {@code consent}) and its claims challenge ({@code claims}), or the {@code acr_values}
 * and {@code max_age} a route's step-up requires.
 */
public class SignInRequiredException extends InsufficientAuthenticationException {

	/**
	 * OpenID Connect's {@code prompt}.
	 */
	public static final String PROMPT = CredentialException.PROMPT;

	/**
	 * OpenID Connect's {@code claims}: a claims request, here the claims challenge an
	 * identity provider answered a token request with.
	 */
	public static final String CLAIMS = CredentialException.CLAIMS;

	/**
	 * OpenID Connect's {@code acr_values}: the authentication context classes requested.
	 */
	public static final String ACR_VALUES = "acr_values";

	/**
	 * OpenID Connect's {@code max_age}: the oldest sign-in accepted, in seconds.
	 */
	public static final String MAX_AGE = "max_age";

	private final Map<String, String> signInParameters;

	/**
	 * Create the exception.
	 * @param message what happened
	 * @param cause the provider's answer, or the route's requirement
	 * @param signInParameters the OpenID Connect parameters the sign-in sends to the
	 * provider, by name
	 */
	public SignInRequiredException(String message, Throwable cause, Map<String, String> signInParameters) {
		super(message, cause);
		this.signInParameters = Map.copyOf(signInParameters);
	}

	public Map<String, String> getSignInParameters() {
		return this.signInParameters;
	}

}
