package io.edgegateway.filters.credential.delegation;

import java.util.List;

import io.edgegateway.filters.credential.AbstractCredentialGatewayFilterFactory;
import io.edgegateway.filters.credential.CredentialConfig;
import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/**
 * {@code DelegatedServiceAccount}: the upstream receives a token a service account
 * obtained for the signed-in user by domain-wide delegation (Google Workspace style). The
 * service account's key is gateway configuration
 * ({@code edge.credentials.service-accounts.<name>.key-file}); the route names it.
 *
 * <pre>
 * filters:
 *   - DelegatedServiceAccount=workspace, https://www.googleapis.com/auth/drive.readonly
 * </pre>
 */
public class DelegatedServiceAccountGatewayFilterFactory
		extends AbstractCredentialGatewayFilterFactory<DelegatedServiceAccountGatewayFilterFactory.Config> {

	public DelegatedServiceAccountGatewayFilterFactory(CredentialService credentials) {
		super(Config.class, credentials);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("serviceAccount", "scope");
	}

	/**
	 * The route's arguments: {@code service-account} and {@code scope}, both required.
	 */
	public static class Config extends CredentialConfig {

		private @Nullable String serviceAccount;

		private @Nullable String scope;

		public @Nullable String getServiceAccount() {
			return this.serviceAccount;
		}

		public Config setServiceAccount(@Nullable String serviceAccount) {
			this.serviceAccount = serviceAccount;
			return this;
		}

		public @Nullable String getScope() {
			return this.scope;
		}

		public Config setScope(@Nullable String scope) {
			this.scope = scope;
			return this;
		}

		@Override
		public CredentialSpec toSpec() {
			return CredentialSpec
				.builder(routeId(), CredentialMode.DELEGATED_SERVICE_ACCOUNT,
						required("service-account", this.serviceAccount))
				.scopes(scopes(this.scope))
				.build();
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", getRouteId())
				.append("serviceAccount", this.serviceAccount)
				.append("scope", this.scope)
				.toString();
		}

	}

}
