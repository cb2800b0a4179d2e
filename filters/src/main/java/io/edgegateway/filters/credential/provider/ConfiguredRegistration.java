package io.edgegateway.filters.credential.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * A client registration as configured
 * ({@code spring.security.oauth2.client.registration.*}), known before the identity
 * provider's metadata is: routes and the sign-in registration are checked against it
 * while the gateway starts, even when the provider cannot be reached then.
 *
 * @param id the registration id
 * @param grantType its grant type; {@code authorization_code} when none is configured, as
 * Spring Boot builds a registration from an issuer or a common provider
 * @param clientAuthenticationMethod the configured client authentication method, or
 * {@code null} when the provider's metadata chooses it
 * @param issuer its provider's {@code issuer-uri}, or {@code null} when its endpoints are
 * configured one by one
 */
public record ConfiguredRegistration(String id, AuthorizationGrantType grantType,
		@Nullable ClientAuthenticationMethod clientAuthenticationMethod, @Nullable String issuer) {

	/**
	 * The registrations Spring Boot's properties configure.
	 * @param properties the properties
	 * @return the registrations by id, in configuration order
	 */
	public static Map<String, ConfiguredRegistration> from(OAuth2ClientProperties properties) {
		Map<String, ConfiguredRegistration> registrations = new LinkedHashMap<>();
		properties.getRegistration().forEach((id, registration) -> {
			String grantType = registration.getAuthorizationGrantType();
			String method = registration.getClientAuthenticationMethod();
			OAuth2ClientProperties.Provider provider = properties.getProvider()
				.get(StringUtils.hasText(registration.getProvider()) ? registration.getProvider() : id);
			String issuer = (provider != null) ? provider.getIssuerUri() : null;
			registrations.put(id,
					new ConfiguredRegistration(id,
							StringUtils.hasText(grantType) ? new AuthorizationGrantType(grantType)
									: AuthorizationGrantType.AUTHORIZATION_CODE,
							StringUtils.hasText(method) ? new ClientAuthenticationMethod(method) : null,
							StringUtils.hasText(issuer) ? issuer : null));
		});
		return registrations;
	}

}
