package io.edgegateway.idp.server;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registrations of the service-account clients: {@code client_credentials} only,
 * scopes {@code reports.read}, {@code reports.write} and {@code orders.read}, one client
 * per client authentication method. {@code reports-sa-jwt} ({@code private_key_jwt}) is
 * registered only when the builder was given its public key.
 */
public final class ServiceAccountClients {

	/**
	 * The client that authenticates with {@code client_secret_basic}.
	 */
	public static final String BASIC_CLIENT_ID = "reports-sa";

	/**
	 * The secret of {@link #BASIC_CLIENT_ID}.
	 */
	public static final String BASIC_CLIENT_SECRET = "reports-sa-secret";

	/**
	 * The client that authenticates with {@code client_secret_post}.
	 */
	public static final String POST_CLIENT_ID = "reports-sa-post";

	/**
	 * The secret of {@link #POST_CLIENT_ID}.
	 */
	public static final String POST_CLIENT_SECRET = "reports-sa-post-secret";

	/**
	 * The client that authenticates with {@code private_key_jwt}.
	 */
	public static final String JWT_CLIENT_ID = "reports-sa-jwt";

	static final String REPORTS_READ = "reports.read";

	static final String REPORTS_WRITE = "reports.write";

	static final String ORDERS_READ = "orders.read";

	private ServiceAccountClients() {
	}

	/**
	 * Registers the service-account clients.
	 * @param properties the identity provider's properties
	 * @param trustedKeys the public keys the builder was given
	 * @return the registered clients
	 */
	public static List<RegisteredClient> registeredClients(DemoIdentityProviderProperties properties,
			TrustedKeys trustedKeys) {
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(client(BASIC_CLIENT_ID, properties).clientSecret("{noop}" + BASIC_CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.build());
		clients.add(client(POST_CLIENT_ID, properties).clientSecret("{noop}" + POST_CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.build());
		if (trustedKeys.clientKey(JWT_CLIENT_ID).isPresent()) {
			clients.add(client(JWT_CLIENT_ID, properties)
				.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
				.clientSettings(ClientSettings.builder()
					.jwkSetUrl(ClientJwksEndpoint.uri(properties.issuer(), JWT_CLIENT_ID))
					.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256)
					.build())
				.build());
		}
		return clients;
	}

	private static RegisteredClient.Builder client(String clientId, DemoIdentityProviderProperties properties) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(REPORTS_READ)
			.scope(REPORTS_WRITE)
			.scope(ORDERS_READ)
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(properties.accessTokenTimeToLive())
				.build());
	}

}
