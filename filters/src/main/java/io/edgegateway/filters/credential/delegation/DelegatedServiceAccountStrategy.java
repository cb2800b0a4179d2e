package io.edgegateway.filters.credential.delegation;

import java.util.Map;

import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialSource;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import io.edgegateway.filters.credential.provider.KeyFile;
import io.edgegateway.filters.credential.provider.TokenRequests;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.SignedInUser;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Google-style domain-wide delegation: the gateway signs an assertion with the service
 * account's key naming the user's email as {@code sub}, and trades it at the key's
 * {@code token_uri} with the jwt-bearer grant (no client authentication: the signature is
 * the authentication). The key is read again when its file changes.
 *
 * @see DelegationAssertionSigner
 */
public final class DelegatedServiceAccountStrategy implements CredentialStrategy {

	private static final String ASSERTION = DelegatedServiceAccountStrategy.class.getName() + ".assertion";

	private final ServiceAccountKeys keys;

	private final DelegationAssertionSigner signer;

	private final TokenRequests tokenRequests;

	public DelegatedServiceAccountStrategy(ServiceAccountKeys keys, DelegationAssertionSigner signer,
			TokenRequests tokenRequests) {
		this.keys = keys;
		this.signer = signer;
		this.tokenRequests = tokenRequests;
	}

	@Override
	public CredentialMode mode() {
		return CredentialMode.DELEGATED_SERVICE_ACCOUNT;
	}

	@Override
	public CredentialSource prepare(CredentialSpec spec, Credentials credentials) {
		KeyFile<ServiceAccountKey> keyFile = this.keys.require(spec);
		if (spec.scopes().isEmpty()) {
			throw new InvalidCredentialSpecException(spec.routeId(), "scope",
					"is required: a delegation assertion names the scopes it asks for");
		}
		JwtBearerReactiveOAuth2AuthorizedClientProvider provider = new JwtBearerReactiveOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(
				this.tokenRequests.configure(new WebClientReactiveJwtBearerTokenResponseClient(), spec, Map.of()));
		provider.setJwtAssertionResolver((context) -> Mono.justOrEmpty(context.<Jwt>getAttribute(ASSERTION)));
		return (user) -> Mono.defer(() -> {
			ServiceAccountKey key = keyFile.get();
			Jwt assertion = this.signer.sign(key, emailOf(user), spec.scopes());
			return provider.authorize(OAuth2AuthorizationContext.withClientRegistration(registration(spec, key))
				.principal(user.authentication())
				.attribute(ASSERTION, assertion)
				.build());
		}).map((client) -> MintedToken.of(client.getAccessToken()));
	}

	private static String emailOf(SignedInUser user) {
		String email = user.claims().email();
		if (email == null) {
			throw new OAuth2AuthorizationException(new OAuth2Error("invalid_request",
					"Domain-wide delegation needs the user's email, and the signed-in user has none", null));
		}
		return email;
	}

	private static ClientRegistration registration(CredentialSpec spec, ServiceAccountKey key) {
		return ClientRegistration.withRegistrationId(spec.requireRegistration())
			.clientId(key.clientEmail())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.tokenUri(key.tokenUri())
			.scope(spec.scopes())
			.build();
	}

}
