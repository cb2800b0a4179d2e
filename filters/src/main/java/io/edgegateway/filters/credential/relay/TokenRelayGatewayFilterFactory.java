package io.edgegateway.filters.credential.relay;

import java.util.List;

import io.edgegateway.filters.credential.AbstractCredentialGatewayFilterFactory;
import io.edgegateway.filters.credential.CredentialConfig;
import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/**
 * {@code TokenRelay}: the upstream receives the signed-in user's own access token as
 * {@code Authorization: Bearer}. Unlike Spring Cloud Gateway's filter of the same name,
 * which it replaces, a request without a user or whose token cannot be refreshed never
 * reaches the upstream: it ends in {@code 401} (sign in again) or {@code 503} (identity
 * provider unreachable).
 *
 * <pre>
 * filters:
 *   - TokenRelay          # the registration the user signed in with
 *   - TokenRelay=idp      # a named registration
 * </pre>
 */
public class TokenRelayGatewayFilterFactory
		extends AbstractCredentialGatewayFilterFactory<TokenRelayGatewayFilterFactory.Config> {

	public TokenRelayGatewayFilterFactory(CredentialService credentials) {
		super(Config.class, credentials);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("registration");
	}

	/**
	 * The route's arguments: an optional {@code registration}.
	 */
	public static class Config extends CredentialConfig {

		private @Nullable String registration;

		public @Nullable String getRegistration() {
			return this.registration;
		}

		public Config setRegistration(@Nullable String registration) {
			this.registration = registration;
			return this;
		}

		@Override
		public CredentialSpec toSpec() {
			return CredentialSpec.builder(routeId(), CredentialMode.TOKEN_RELAY, this.registration).build();
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", getRouteId())
				.append("registration", getRegistration())
				.toString();
		}

	}

}
