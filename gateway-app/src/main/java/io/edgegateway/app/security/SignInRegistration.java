package io.edgegateway.app.security;

import java.util.Map;
import java.util.TreeSet;

import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The client registration browsers sign in with
 * ({@code edge.security.login-registration}), checked as configured, so the gateway
 * refuses to start with a name that would answer every sign-in with a bare {@code 400}.
 */
public final class SignInRegistration {

	/**
	 * The property that names it.
	 */
	public static final String PROPERTY = "edge.security.login-registration";

	private SignInRegistration() {
	}

	/**
	 * What is wrong with the sign-in registration.
	 * @param id the configured name
	 * @param clients Spring Boot's client properties
	 * @return the problem, or {@code null} when it is an authorization-code registration
	 */
	public static @Nullable String problem(String id, OAuth2ClientProperties clients) {
		Map<String, ConfiguredRegistration> registrations = ConfiguredRegistration.from(clients);
		ConfiguredRegistration registration = registrations.get(id);
		if (registration == null) {
			return "no spring.security.oauth2.client.registration." + id + " is configured; configured: "
					+ new TreeSet<>(registrations.keySet());
		}
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.grantType())) {
			return "browsers sign in with an authorization_code registration, and " + id + " is "
					+ registration.grantType().getValue();
		}
		return null;
	}

}
