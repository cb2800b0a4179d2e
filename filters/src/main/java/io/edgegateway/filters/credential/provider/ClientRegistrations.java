package io.edgegateway.filters.credential.provider;

import java.util.Map;
import java.util.TreeSet;

import io.edgegateway.filters.credential.CredentialException;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import io.edgegateway.filters.user.SignedInUser;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The configured client registrations: checked synchronously, as configured, while routes
 * are built, so a route that names an unknown registration, or one of the wrong grant
 * type, fails with a message naming the route and the field; looked up in the
 * registration repository when a token is needed, so a provider whose metadata is not
 * known yet fails that request, not the gateway's start.
 */
public final class ClientRegistrations {

	private final Map<String, ConfiguredRegistration> configured;

	private final ReactiveClientRegistrationRepository repository;

	public ClientRegistrations(Map<String, ConfiguredRegistration> configured,
			ReactiveClientRegistrationRepository repository) {
		this.configured = Map.copyOf(configured);
		this.repository = repository;
	}

	/**
	 * The registration a route names, of the grant type its mode needs.
	 * @param spec the route's spec
	 * @param field the argument that names it
	 * @param registrationId the registration id
	 * @param grantType the grant type the mode needs
	 * @return the registration as configured
	 * @throws InvalidCredentialSpecException if it is not configured or has another grant
	 * type
	 */
	public ConfiguredRegistration require(CredentialSpec spec, String field, String registrationId,
			AuthorizationGrantType grantType) {
		ConfiguredRegistration registration = this.configured.get(registrationId);
		if (registration == null) {
			throw new InvalidCredentialSpecException(spec.routeId(), field,
					"'" + registrationId
							+ "' is not a configured client registration (spring.security.oauth2.client.registration."
							+ registrationId + "); configured: " + new TreeSet<>(this.configured.keySet()));
		}
		if (!grantType.equals(registration.grantType())) {
			throw new InvalidCredentialSpecException(spec.routeId(), field,
					"'" + registrationId + "' has authorization-grant-type " + registration.grantType().getValue()
							+ ", " + spec.mode() + " needs " + grantType.getValue());
		}
		return registration;
	}

	/**
	 * The registration with the provider's endpoints, for a token request.
	 * @param registration a registration
	 * {@link #require(CredentialSpec, String, String, AuthorizationGrantType) required}
	 * before
	 * @return the registration, or an error when the repository has not got it
	 */
	public Mono<ClientRegistration> resolve(ConfiguredRegistration registration) {
		return lookUp(registration);
	}

	/**
	 * The registration with the provider's endpoints, for a token request that presents
	 * the user's own token: refused ({@code 403}, {@code foreign_user}) when another
	 * provider signed the user in, whose token this registration's provider does not
	 * know. Sent anyway, the provider would refuse it as an invalid grant, which reads as
	 * "sign in again" and would end the session of a user whom signing in again cannot
	 * help.
	 * @param spec the route's spec
	 * @param registration a registration {@link #require required} before
	 * @param user the user whose token is presented
	 * @return the registration, or the refusal
	 */
	public Mono<ClientRegistration> resolveFor(CredentialSpec spec, ConfiguredRegistration registration,
			SignedInUser user) {
		String signedInBy = user.claims().issuer();
		if (registration.issuer() != null && signedInBy != null
				&& !withoutTrailingSlash(registration.issuer()).equals(withoutTrailingSlash(signedInBy))) {
			return Mono.error(new CredentialException(CredentialException.Reason.REFUSED, spec.routeId(),
					registration.id(), spec.mode(), "foreign_user", "The route's credential comes from "
							+ registration.issuer() + ", which did not sign this user in (" + signedInBy + ")",
					null));
		}
		return lookUp(registration);
	}

	private static String withoutTrailingSlash(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	private Mono<ClientRegistration> lookUp(ConfiguredRegistration registration) {
		return this.repository.findByRegistrationId(registration.id())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException(
					"The client registration " + registration.id() + " is not in the registration repository")));
	}

}
