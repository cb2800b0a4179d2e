package io.edgegateway.filters.credential.provider;

import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import io.edgegateway.filters.credential.ClaimsChallengeError;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import io.edgegateway.filters.tracing.ProviderWebClients;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Configures a token request of Spring Security's to carry a route's parameters: the
 * route's scopes instead of the registration's, its {@code audience} and
 * {@code resource}, and, for registrations that authenticate with
 * {@code private_key_jwt}, a client assertion signed with the registration's configured
 * key; an error answer keeps its claims challenge ({@link ClaimsChallengeError}). Every
 * request goes through one web client ({@link ProviderWebClients}): traced, the call is a
 * span and the provider receives the {@code traceparent}.
 */
public final class TokenRequests {

	private static final ClaimsChallengeBodyExtractor CLAIMS_CHALLENGES = new ClaimsChallengeBodyExtractor();

	private final ClientKeys clientKeys;

	private final WebClient webClient;

	public TokenRequests(ClientKeys clientKeys, ProviderWebClients webClients) {
		this.clientKeys = clientKeys;
		this.webClient = webClients.create();
	}

	/**
	 * Check that a registration can authenticate: a {@code private_key_jwt} registration
	 * needs a configured key.
	 * @param spec the route's spec
	 * @param registration the registration as configured
	 * @throws InvalidCredentialSpecException if its key is missing or unreadable
	 */
	public void checkClientAuthentication(CredentialSpec spec, ConfiguredRegistration registration) {
		if (ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(registration.clientAuthenticationMethod())) {
			this.clientKeys.check(spec, registration.id());
		}
	}

	/**
	 * Configure a response client for a route.
	 * @param <T> the grant request type
	 * @param client the response client
	 * @param spec the route's spec
	 * @param modeParameters parameters the mode sets, replacing any Spring Security would
	 * send
	 * @return the client
	 */
	public <T extends AbstractOAuth2AuthorizationGrantRequest, C extends AbstractWebClientReactiveOAuth2AccessTokenResponseClient<T>> C configure(
			C client, CredentialSpec spec, Map<String, String> modeParameters) {
		client.setWebClient(this.webClient);
		client.addParametersConverter(new NimbusJwtClientAuthenticationParametersConverter<T>(this::signingKey));
		client.setBodyExtractor(CLAIMS_CHALLENGES);
		client.setParametersCustomizer((parameters) -> {
			if (!spec.scopes().isEmpty()) {
				parameters.set("scope", String.join(" ", spec.scopes()));
			}
			if (spec.audience() != null) {
				parameters.set("audience", spec.audience());
			}
			if (spec.resource() != null) {
				parameters.set("resource", spec.resource());
			}
			modeParameters.forEach(parameters::set);
		});
		return client;
	}

	private @Nullable JWK signingKey(ClientRegistration registration) {
		return ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(registration.getClientAuthenticationMethod())
				? this.clientKeys.signingKey(registration.getRegistrationId()) : null;
	}

}
