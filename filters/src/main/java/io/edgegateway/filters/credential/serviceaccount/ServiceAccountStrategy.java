package io.edgegateway.filters.credential.serviceaccount;

import java.util.Map;

import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialSource;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.provider.ClientRegistrations;
import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import io.edgegateway.filters.credential.provider.TokenRequests;
import io.edgegateway.filters.token.MintedToken;

import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * Service accounts: the client credentials grant for the route's registration,
 * authenticated with {@code client_secret_basic}, {@code client_secret_post} or
 * {@code private_key_jwt} as the registration says. The upstream sees the gateway; the
 * user travels in the identity headers.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 section
 * 4.4</a>
 */
public final class ServiceAccountStrategy implements CredentialStrategy {

	private final ClientRegistrations registrations;

	private final TokenRequests tokenRequests;

	public ServiceAccountStrategy(ClientRegistrations registrations, TokenRequests tokenRequests) {
		this.registrations = registrations;
		this.tokenRequests = tokenRequests;
	}

	@Override
	public CredentialMode mode() {
		return CredentialMode.SERVICE_ACCOUNT;
	}

	@Override
	public CredentialSource prepare(CredentialSpec spec, Credentials credentials) {
		ConfiguredRegistration registration = this.registrations.require(spec, "registration",
				spec.requireRegistration(), AuthorizationGrantType.CLIENT_CREDENTIALS);
		this.tokenRequests.checkClientAuthentication(spec, registration);
		ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(this.tokenRequests
			.configure(new WebClientReactiveClientCredentialsTokenResponseClient(), spec, Map.of()));
		return (user) -> this.registrations.resolve(registration)
			.flatMap((client) -> provider.authorize(
					OAuth2AuthorizationContext.withClientRegistration(client).principal(user.authentication()).build()))
			.map((client) -> MintedToken.of(client.getAccessToken()));
	}

}
