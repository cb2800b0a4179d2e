package io.edgegateway.filters.credential.exchange;

import java.util.List;
import java.util.Locale;

import io.edgegateway.filters.credential.AbstractCredentialGatewayFilterFactory;
import io.edgegateway.filters.credential.AudienceCredentialConfig;
import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/**
 * {@code TokenExchange}: the upstream receives a token minted by RFC 8693 token exchange
 * for its own audience, on behalf of the signed-in user.
 *
 * <pre>
 * filters:
 *   - TokenExchange=idp, orders-api
 *   - name: TokenExchange
 *     args:
 *       registration: idp-exchange      # a token-exchange client registration
 *       audience: orders-api             # audience or resource is required
 *       scope: "orders.read"
 *       resource: https://orders.internal/
 *       requested-token-type: urn:ietf:params:oauth:token-type:access_token
 *       subject-token-type: access_token  # or id_token
 *       actor-registration: gateway-sa    # adds the gateway's own token as actor_token
 * </pre>
 */
public class TokenExchangeGatewayFilterFactory
		extends AbstractCredentialGatewayFilterFactory<TokenExchangeGatewayFilterFactory.Config> {

	public TokenExchangeGatewayFilterFactory(CredentialService credentials) {
		super(Config.class, credentials);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("registration", "audience");
	}

	/**
	 * The route's arguments.
	 */
	public static class Config extends AudienceCredentialConfig {

		private @Nullable String requestedTokenType;

		private @Nullable String subjectTokenType;

		private @Nullable String actorRegistration;

		public @Nullable String getRequestedTokenType() {
			return this.requestedTokenType;
		}

		public Config setRequestedTokenType(@Nullable String requestedTokenType) {
			this.requestedTokenType = requestedTokenType;
			return this;
		}

		public @Nullable String getSubjectTokenType() {
			return this.subjectTokenType;
		}

		public Config setSubjectTokenType(@Nullable String subjectTokenType) {
			this.subjectTokenType = subjectTokenType;
			return this;
		}

		public @Nullable String getActorRegistration() {
			return this.actorRegistration;
		}

		public Config setActorRegistration(@Nullable String actorRegistration) {
			this.actorRegistration = actorRegistration;
			return this;
		}

		@Override
		public CredentialSpec toSpec() {
			String registration = requiredRegistration();
			if (getAudience() == null && getResource() == null) {
				throw new InvalidCredentialSpecException(routeId(), "audience",
						"is required (or resource): a token exchange names the upstream the token is for");
			}
			return CredentialSpec.builder(routeId(), CredentialMode.TOKEN_EXCHANGE, registration)
				.audience(getAudience())
				.resource(getResource())
				.scopes(scopes())
				.requestedTokenType(this.requestedTokenType)
				.subjectTokenType(subjectTokenType())
				.actorRegistration(this.actorRegistration)
				.build();
		}

		private CredentialSpec.SubjectTokenType subjectTokenType() {
			if (this.subjectTokenType == null) {
				return CredentialSpec.SubjectTokenType.ACCESS_TOKEN;
			}
			try {
				return CredentialSpec.SubjectTokenType.valueOf(this.subjectTokenType.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidCredentialSpecException(routeId(), "subject-token-type",
						"'" + this.subjectTokenType + "' is not one of access_token, id_token");
			}
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", getRouteId())
				.append("registration", getRegistration())
				.append("audience", getAudience())
				.append("resource", getResource())
				.append("scope", getScope())
				.toString();
		}

	}

}
