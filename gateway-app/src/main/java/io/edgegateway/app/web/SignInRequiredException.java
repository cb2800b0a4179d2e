package io.edgegateway.app.web;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.InsufficientAuthenticationException;

/**
 * The user must sign in again, as the identity provider said, possibly with what it asked
 * of that sign-in: an OpenID Connect {@code prompt} ({@code login}, {@code consent}) that
 * the sign-in passes on to the provider.
 */
public class SignInRequiredException extends InsufficientAuthenticationException {

	private final @Nullable String prompt;

	/**
	 * Create the exception.
	 * @param message what happened
	 * @param cause the provider's answer
	 * @param prompt the {@code prompt} the sign-in sends to the provider, or {@code null}
	 */
	public SignInRequiredException(String message, Throwable cause, @Nullable String prompt) {
		super(message, cause);
		this.prompt = prompt;
	}

	public @Nullable String getPrompt() {
		return this.prompt;
	}

}
