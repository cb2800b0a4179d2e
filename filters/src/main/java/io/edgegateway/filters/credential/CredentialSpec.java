package io.edgegateway.filters.credential;

import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;
import org.springframework.util.Assert;

/**
 * What a route asks of its credential, validated and fixed when the route is built: the
 * mode, the registration (or service account) that obtains it, and what the token must be
 * for. Scopes are kept sorted and unique, so equal requests compare equal.
 * <p>
 * Its length is the record's builder and the subject token types: a value with five
 * optional parts.
 *
 * @param routeId the route
 * @param mode the credential mode
 * @param registration the client registration, or for domain-wide delegation the service
 * account's name; for token relay {@code null} means the registration the user signed in
 * with
 * @param audience the requested audience, if any
 * @param resource the requested resource, if any
 * @param scopes the requested scopes, sorted; empty for the registration's own
 * @param requestedTokenType the requested token type (token exchange), if any
 * @param subjectTokenType what the user presents (token exchange): the access token or
 * the ID token
 * @param actorRegistration the client-credentials registration whose token acts for the
 * user (token exchange)
 */
public record CredentialSpec(String routeId, CredentialMode mode, @Nullable String registration,
		@Nullable String audience, @Nullable String resource, List<String> scopes, @Nullable String requestedTokenType,
		SubjectTokenType subjectTokenType, @Nullable String actorRegistration) {

	public CredentialSpec {
		Assert.hasText(routeId, "routeId cannot be empty");
		Assert.notNull(mode, "mode cannot be null");
		Assert.isTrue(registration != null || mode == CredentialMode.TOKEN_RELAY, "registration cannot be null");
		scopes = List.copyOf(new TreeSet<>(scopes));
	}

	/**
	 * Start a spec.
	 * @param routeId the route
	 * @param mode the mode
	 * @param registration the registration
	 * @return a builder
	 */
	public static Builder builder(String routeId, CredentialMode mode, @Nullable String registration) {
		return new Builder(routeId, mode, registration);
	}

	/**
	 * The registration, which every mode but token relay names.
	 * @return the registration
	 */
	public String requireRegistration() {
		Assert.state(this.registration != null, "registration cannot be null");
		return this.registration;
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("routeId", this.routeId)
			.append("mode", this.mode)
			.append("registration", this.registration)
			.append("audience", this.audience)
			.append("resource", this.resource)
			.append("scopes", this.scopes)
			.toString();
	}

	/**
	 * What the user presents as the subject of a token exchange.
	 */
	public enum SubjectTokenType {

		/**
		 * The user's access token
		 * ({@code urn:ietf:params:oauth:token-type:access_token}).
		 */
		ACCESS_TOKEN("urn:ietf:params:oauth:token-type:access_token"),

		/**
		 * The user's ID token ({@code urn:ietf:params:oauth:token-type:id_token}).
		 */
		ID_TOKEN("urn:ietf:params:oauth:token-type:id_token");

		private final String urn;

		SubjectTokenType(String urn) {
			this.urn = urn;
		}

		public String urn() {
			return this.urn;
		}

	}

	/**
	 * Builds a {@link CredentialSpec}.
	 */
	public static final class Builder {

		private final String routeId;

		private final CredentialMode mode;

		private final @Nullable String registration;

		private @Nullable String audience;

		private @Nullable String resource;

		private List<String> scopes = List.of();

		private @Nullable String requestedTokenType;

		private SubjectTokenType subjectTokenType = SubjectTokenType.ACCESS_TOKEN;

		private @Nullable String actorRegistration;

		private Builder(String routeId, CredentialMode mode, @Nullable String registration) {
			this.routeId = routeId;
			this.mode = mode;
			this.registration = registration;
		}

		public Builder audience(@Nullable String audience) {
			this.audience = audience;
			return this;
		}

		public Builder resource(@Nullable String resource) {
			this.resource = resource;
			return this;
		}

		public Builder scopes(List<String> scopes) {
			this.scopes = scopes;
			return this;
		}

		public Builder requestedTokenType(@Nullable String requestedTokenType) {
			this.requestedTokenType = requestedTokenType;
			return this;
		}

		public Builder subjectTokenType(SubjectTokenType subjectTokenType) {
			this.subjectTokenType = subjectTokenType;
			return this;
		}

		public Builder actorRegistration(@Nullable String actorRegistration) {
			this.actorRegistration = actorRegistration;
			return this;
		}

		public CredentialSpec build() {
			return new CredentialSpec(this.routeId, this.mode, this.registration, this.audience, this.resource,
					this.scopes, this.requestedTokenType, this.subjectTokenType, this.actorRegistration);
		}

	}

}
