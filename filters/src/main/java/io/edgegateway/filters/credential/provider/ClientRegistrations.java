package io.edgegateway.filters.credential.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The configured client registrations, looked up synchronously while routes are built, so
 * a route that names an unknown registration, or one of the wrong grant type, fails with
 * a message naming the route and the field.
 */
public final class ClientRegistrations {

	private final Map<String, ClientRegistration> registrations = new LinkedHashMap<>();

	public ClientRegistrations(ReactiveClientRegistrationRepository repository) {
		if (repository instanceof Iterable<?> iterable) {
			for (Object registration : iterable) {
				ClientRegistration client = (ClientRegistration) registration;
				this.registrations.put(client.getRegistrationId(), client);
			}
		}
	}

	/**
	 * The registration a route names, of the grant type its mode needs.
	 * @param spec the route's spec
	 * @param field the argument that names it
	 * @param registrationId the registration id
	 * @param grantType the grant type the mode needs
	 * @return the registration
	 * @throws InvalidCredentialSpecException if it is not configured or has another grant
	 * type
	 */
	public ClientRegistration require(CredentialSpec spec, String field, String registrationId,
			AuthorizationGrantType grantType) {
		ClientRegistration registration = this.registrations.get(registrationId);
		if (registration == null) {
			throw new InvalidCredentialSpecException(spec.routeId(), field,
					"'" + registrationId
							+ "' is not a configured client registration (spring.security.oauth2.client.registration."
							+ registrationId + "); configured: " + new TreeSet<>(this.registrations.keySet()));
		}
		if (!grantType.equals(registration.getAuthorizationGrantType())) {
			throw new InvalidCredentialSpecException(spec.routeId(), field,
					"'" + registrationId + "' has authorization-grant-type "
							+ registration.getAuthorizationGrantType().getValue() + ", " + spec.mode() + " needs "
							+ grantType.getValue());
		}
		return registration;
	}

}
