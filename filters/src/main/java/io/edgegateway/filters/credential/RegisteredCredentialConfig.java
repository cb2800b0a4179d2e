package io.edgegateway.filters.credential;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of credential filters that obtain a token with a client registration of
 * the gateway ({@code spring.security.oauth2.client.registration.*}): the
 * {@code registration} and the {@code scope} asked for.
 */
public abstract class RegisteredCredentialConfig extends CredentialConfig {

	private @Nullable String registration;

	private @Nullable String scope;

	public @Nullable String getRegistration() {
		return this.registration;
	}

	public RegisteredCredentialConfig setRegistration(@Nullable String registration) {
		this.registration = registration;
		return this;
	}

	public @Nullable String getScope() {
		return this.scope;
	}

	public RegisteredCredentialConfig setScope(@Nullable String scope) {
		this.scope = scope;
		return this;
	}

	/**
	 * The registration, which must be given.
	 * @return the registration
	 * @throws InvalidCredentialSpecException if it is missing
	 */
	protected String requiredRegistration() {
		return required("registration", this.registration);
	}

	/**
	 * The scopes asked for.
	 * @return the scopes, possibly empty
	 * @throws InvalidCredentialSpecException if a scope is malformed
	 */
	protected List<String> scopes() {
		return scopes(this.scope);
	}

}
