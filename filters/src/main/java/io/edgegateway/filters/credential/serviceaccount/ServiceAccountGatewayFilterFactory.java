package io.edgegateway.filters.credential.serviceaccount;

import java.util.List;

import io.edgegateway.filters.credential.AbstractCredentialGatewayFilterFactory;
import io.edgegateway.filters.credential.AudienceCredentialConfig;
import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialSpec;

import org.springframework.core.style.ToStringCreator;

/**
 * {@code ServiceAccount}: the upstream receives a client-credentials token of the route's
 * registration; the user travels in the identity headers ("backend mapping"), and the
 * gateway enforces who may call the route ({@code RequireClaims}).
 *
 * <pre>
 * filters:
 *   - ServiceAccount=reports-sa
 *   - name: ServiceAccount
 *     args: { registration: reports-sa, scope: "reports.read", audience: reports-api }
 * </pre>
 */
public class ServiceAccountGatewayFilterFactory
		extends AbstractCredentialGatewayFilterFactory<ServiceAccountGatewayFilterFactory.Config> {

	public ServiceAccountGatewayFilterFactory(CredentialService credentials) {
		super(Config.class, credentials);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("registration", "scope");
	}

	/**
	 * The route's arguments: {@code registration} (required), {@code scope},
	 * {@code audience}, {@code resource}.
	 */
	public static class Config extends AudienceCredentialConfig {

		@Override
		public CredentialSpec toSpec() {
			return CredentialSpec.builder(routeId(), CredentialMode.SERVICE_ACCOUNT, requiredRegistration())
				.scopes(scopes())
				.audience(getAudience())
				.resource(getResource())
				.build();
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", getRouteId())
				.append("registration", getRegistration())
				.append("scope", getScope())
				.append("audience", getAudience())
				.toString();
		}

	}

}
