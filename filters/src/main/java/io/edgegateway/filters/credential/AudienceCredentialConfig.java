package io.edgegateway.filters.credential;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of credential filters that can ask for a token meant for a particular
 * upstream: {@code audience} and {@code resource} (RFC 8707), besides the registration
 * and the scopes.
 */
public abstract class AudienceCredentialConfig extends RegisteredCredentialConfig {

	private @Nullable String audience;

	private @Nullable String resource;

	public @Nullable String getAudience() {
		return this.audience;
	}

	public AudienceCredentialConfig setAudience(@Nullable String audience) {
		this.audience = audience;
		return this;
	}

	public @Nullable String getResource() {
		return this.resource;
	}

	public AudienceCredentialConfig setResource(@Nullable String resource) {
		this.resource = resource;
		return this;
	}

}
