package io.edgegateway.filters.credential;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.util.StringUtils;

/**
 * The arguments every credential filter takes: the route id (set by the gateway), the
 * client registration and the scopes. Subclasses add their mode's arguments and turn them
 * into a {@link CredentialSpec}, once per route.
 */
public abstract class CredentialConfig implements HasRouteId {

	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	private @Nullable String routeId;

	private @Nullable String registration;

	private @Nullable String scope;

	@Override
	public void setRouteId(String routeId) {
		this.routeId = routeId;
	}

	@Override
	public @Nullable String getRouteId() {
		return this.routeId;
	}

	public @Nullable String getRegistration() {
		return this.registration;
	}

	public CredentialConfig setRegistration(@Nullable String registration) {
		this.registration = registration;
		return this;
	}

	public @Nullable String getScope() {
		return this.scope;
	}

	public CredentialConfig setScope(@Nullable String scope) {
		this.scope = scope;
		return this;
	}

	/**
	 * Turn the arguments into the route's credential spec.
	 * @return the spec
	 * @throws InvalidCredentialSpecException naming the route and the field that is wrong
	 */
	public abstract CredentialSpec toSpec();

	/**
	 * The route id, or a placeholder for a filter built outside a route.
	 * @return the route id
	 */
	protected String routeId() {
		return (this.routeId != null) ? this.routeId : "(unnamed)";
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
	 * A required argument.
	 * @param field the argument's name
	 * @param value its value
	 * @return the value
	 * @throws InvalidCredentialSpecException if it is missing
	 */
	protected String required(String field, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidCredentialSpecException(routeId(), field, "is required");
		}
		return value.trim();
	}

	/**
	 * The scopes, space- or comma-separated, each an RFC 6749 scope token.
	 * @return the scopes, possibly empty
	 * @throws InvalidCredentialSpecException if a scope is malformed
	 */
	protected List<String> scopes() {
		if (!StringUtils.hasText(this.scope)) {
			return List.of();
		}
		List<String> scopes = Arrays.stream(this.scope.trim().split("[\\s,]+")).toList();
		for (String scope : scopes) {
			if (!SCOPE_TOKEN.matcher(scope).matches()) {
				throw new InvalidCredentialSpecException(routeId(), "scope",
						"'" + scope + "' is not a valid scope (RFC 6749 section 3.3)");
			}
		}
		return scopes;
	}

}
