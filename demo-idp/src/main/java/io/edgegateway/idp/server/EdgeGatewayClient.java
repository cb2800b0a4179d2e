package io.edgegateway.idp.server;

import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registration of the {@code edge-gateway} client: a confidential client that must
 * use PKCE, is never asked for consent and gets self-contained (JWT) access tokens. It
 * may use every grant the gateway's credential modes need, including token exchange and
 * On-Behalf-Of ({@code jwt-bearer}); given a public key it may also authenticate with
 * {@code private_key_jwt}.
 */
public final class EdgeGatewayClient {

	/**
	 * The client id.
	 */
	public static final String CLIENT_ID = "edge-gateway";

	/**
	 * The client secret.
	 */
	public static final String CLIENT_SECRET = "edge-gateway-secret";

	private static final Duration REFRESH_TOKEN_TIME_TO_LIVE = Duration.ofHours(8);

	private EdgeGatewayClient() {
	}

	/**
	 * Registers the client with the redirect URIs and token settings of the given
	 * properties.
	 * @param properties the identity provider's properties
	 * @param publicKey the key that verifies its {@code private_key_jwt} client
	 * assertions, or {@code null} for secret-based authentication only
	 * @return the registered client
	 */
	public static RegisteredClient registeredClient(DemoIdentityProviderProperties properties,
			@Nullable RSAKey publicKey) {
		ClientSettings.Builder clientSettings = ClientSettings.builder()
			.requireProofKey(true)
			.requireAuthorizationConsent(false);
		RegisteredClient.Builder client = RegisteredClient.withId(CLIENT_ID)
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
			.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.redirectUris((uris) -> uris.addAll(properties.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(properties.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.scope(ServiceAccountClients.ORDERS_READ)
			.scope(ServiceAccountClients.REPORTS_READ)
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(properties.accessTokenTimeToLive())
				.refreshTokenTimeToLive(REFRESH_TOKEN_TIME_TO_LIVE)
				.reuseRefreshTokens(properties.reuseRefreshTokens())
				.build());
		if (publicKey != null) {
			client.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
			clientSettings.jwkSetUrl(ClientJwksEndpoint.uri(properties.issuer(), CLIENT_ID))
				.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256);
		}
		return client.clientSettings(clientSettings.build()).build();
	}

}
