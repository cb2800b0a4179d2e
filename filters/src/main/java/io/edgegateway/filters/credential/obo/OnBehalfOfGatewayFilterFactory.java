package io.edgegateway.filters.credential.obo;

import java.util.List;

import io.edgegateway.filters.credential.AbstractCredentialGatewayFilterFactory;
import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import io.edgegateway.filters.credential.RegisteredCredentialConfig;

import org.springframework.core.style.ToStringCreator;

/**
 * {@code OnBehalfOf}: the upstream receives a token minted by Microsoft Entra's
 * On-Behalf-Of flow from the signed-in user's token. The registration is a
 * {@code urn:ietf:params:oauth:grant-type:jwt-bearer} client registration with a client
 * secret or a certificate ({@code private_key_jwt}).
 *
 * <pre>
 * filters:
 *   - OnBehalfOf=entra-obo, api://orders/.default
 * </pre>
 */
public class OnBehalfOfGatewayFilterFactory
		extends AbstractCredentialGatewayFilterFactory<OnBehalfOfGatewayFilterFactory.Config> {

	public OnBehalfOfGatewayFilterFactory(CredentialService credentials) {
		super(Config.class, credentials);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("registration", "scope");
	}

	/**
	 * The route's arguments: {@code registration} and {@code scope}, both required.
	 */
	public static class Config extends RegisteredCredentialConfig {

		@Override
		public CredentialSpec toSpec() {
			String registration = requiredRegistration();
			List<String> scopes = scopes();
			if (scopes.isEmpty()) {
				throw new InvalidCredentialSpecException(routeId(), "scope",
						"is required: On-Behalf-Of names the API the token is for (e.g. api://orders/.default)");
			}
			return CredentialSpec.builder(routeId(), CredentialMode.ON_BEHALF_OF, registration).scopes(scopes).build();
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", getRouteId())
				.append("registration", getRegistration())
				.append("scope", getScope())
				.toString();
		}

	}

}
