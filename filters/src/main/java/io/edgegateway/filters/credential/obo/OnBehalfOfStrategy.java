package io.edgegateway.filters.credential.obo;

import java.util.Map;

import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialSource;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.provider.ClientRegistrations;
import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import io.edgegateway.filters.credential.provider.TokenRequests;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.UserTokens;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Microsoft Entra On-Behalf-Of on Spring Security's
 * {@link JwtBearerReactiveOAuth2AuthorizedClientProvider}:
 * {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}, the user's access token
 * as {@code assertion}, {@code requested_token_use=on_behalf_of} and the route's
 * {@code scope} (such as {@code api://orders/.default}), with the registration's client
 * authentication (client secret or {@code private_key_jwt} certificate).
 *
 * @see <a href=
 * "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow">Microsoft
 * identity platform and OAuth 2.0 On-Behalf-Of flow</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-2.1">RFC 7523 section
 * 2.1</a>
 */
public final class OnBehalfOfStrategy implements CredentialStrategy {

	private static final String ASSERTION = OnBehalfOfStrategy.class.getName() + ".assertion";

	private final ClientRegistrations registrations;

	private final TokenRequests tokenRequests;

	private final UserTokens userTokens;

	public OnBehalfOfStrategy(ClientRegistrations registrations, TokenRequests tokenRequests, UserTokens userTokens) {
		this.registrations = registrations;
		this.tokenRequests = tokenRequests;
		this.userTokens = userTokens;
	}

	@Override
	public CredentialMode mode() {
		return CredentialMode.ON_BEHALF_OF;
	}

	@Override
	public CredentialSource prepare(CredentialSpec spec, Credentials credentials) {
		ConfiguredRegistration registration = this.registrations.require(spec, "registration",
				spec.requireRegistration(), AuthorizationGrantType.JWT_BEARER);
		this.tokenRequests.checkClientAuthentication(spec, registration);
		JwtBearerReactiveOAuth2AuthorizedClientProvider provider = new JwtBearerReactiveOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(
				this.tokenRequests.configure(new WebClientReactiveJwtBearerTokenResponseClient(), spec,
						Map.of("requested_token_use", "on_behalf_of")));
		provider.setJwtAssertionResolver((context) -> Mono.justOrEmpty(context.<Jwt>getAttribute(ASSERTION)));
		return (user) -> this.userTokens.accessTokenAsJwt(user)
			.zipWith(this.registrations.resolveFor(spec, registration, user))
			.flatMap((request) -> provider.authorize(OAuth2AuthorizationContext.withClientRegistration(request.getT2())
				.principal(user.authentication())
				.attribute(ASSERTION, request.getT1())
				.build()))
			.map((client) -> MintedToken.of(client.getAccessToken()));
	}

}
