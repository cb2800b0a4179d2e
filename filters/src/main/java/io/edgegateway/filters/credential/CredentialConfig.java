package io.edgegateway.filters.credential;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.util.StringUtils;

/**
 * What every credential filter's arguments share: the route id (set by the gateway) and
 * the checks that name the route and the field that is wrong. Subclasses add their mode's
 * arguments and turn them into a {@link CredentialSpec}, once per route.
 */
public abstract class CredentialConfig implements HasRouteId {

	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	private @Nullable String routeId;

	@Override
	public void setRouteId(String routeId) {
		this.routeId = routeId;
	}

	@Override
	public @Nullable String getRouteId() {
		return this.routeId;
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
	 * Scopes, space- or comma-separated, each an RFC 6749 scope token.
	 * @param scope the {@code scope} argument
	 * @return the scopes, possibly empty
	 * @throws InvalidCredentialSpecException if a scope is malformed
	 */
	protected List<String> scopes(@Nullable String scope) {
		if (!StringUtils.hasText(scope)) {
			return List.of();
		}
		List<String> scopes = Arrays.stream(scope.trim().split("[\\s,]+")).toList();
		for (String each : scopes) {
			if (!SCOPE_TOKEN.matcher(each).matches()) {
				throw new InvalidCredentialSpecException(routeId(), "scope",
						"'" + each + "' is not a valid scope (RFC 6749 section 3.3)");
			}
		}
		return scopes;
	}

}
