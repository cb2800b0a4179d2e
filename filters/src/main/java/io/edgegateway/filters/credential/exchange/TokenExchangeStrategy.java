package io.edgegateway.filters.credential.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialSource;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.provider.ClientRegistrations;
import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import io.edgegateway.filters.credential.provider.TokenRequests;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.UserTokens;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.TokenExchangeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveTokenExchangeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;

/**
 * RFC 8693 token exchange on Spring Security's
 * {@link TokenExchangeReactiveOAuth2AuthorizedClientProvider}: the user's access token
 * (or ID token) is the {@code subject_token}; the route adds {@code audience},
 * {@code resource}, {@code scope} and {@code requested_token_type}, and optionally an
 * {@code actor_token}, the gateway's own client-credentials token, so the minted token
 * says who acts for the user ({@code act}).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8693#section-2.1">RFC 8693 section
 * 2.1</a>
 */
public final class TokenExchangeStrategy implements CredentialStrategy {

	private static final String SUBJECT_TOKEN = TokenExchangeStrategy.class.getName() + ".subject";

	private static final String ACTOR_TOKEN = TokenExchangeStrategy.class.getName() + ".actor";

	private final ClientRegistrations registrations;

	private final TokenRequests tokenRequests;

	private final UserTokens userTokens;

	public TokenExchangeStrategy(ClientRegistrations registrations, TokenRequests tokenRequests,
			UserTokens userTokens) {
		this.registrations = registrations;
		this.tokenRequests = tokenRequests;
		this.userTokens = userTokens;
	}

	@Override
	public CredentialMode mode() {
		return CredentialMode.TOKEN_EXCHANGE;
	}

	@Override
	public CredentialSource prepare(CredentialSpec spec, Credentials credentials) {
		ConfiguredRegistration registration = this.registrations.require(spec, "registration",
				spec.requireRegistration(), AuthorizationGrantType.TOKEN_EXCHANGE);
		this.tokenRequests.checkClientAuthentication(spec, registration);
		CredentialSource actor = actorSource(spec, credentials);
		TokenExchangeReactiveOAuth2AuthorizedClientProvider provider = new TokenExchangeReactiveOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(this.tokenRequests
			.configure(new WebClientReactiveTokenExchangeTokenResponseClient(), spec, modeParameters(spec)));
		provider
			.setSubjectTokenResolver((context) -> Mono.justOrEmpty(context.<OAuth2Token>getAttribute(SUBJECT_TOKEN)));
		provider.setActorTokenResolver((context) -> Mono.justOrEmpty(context.<OAuth2Token>getAttribute(ACTOR_TOKEN)));
		return (user) -> subjectToken(user, spec).zipWith(actorToken(actor, user))
			.zipWith(this.registrations.resolveFor(spec, registration, user))
			.flatMap((request) -> authorize(provider, request.getT2(), user, request.getT1()))
			.map((client) -> MintedToken.of(client.getAccessToken()));
	}

	private static Mono<OAuth2AuthorizedClient> authorize(TokenExchangeReactiveOAuth2AuthorizedClientProvider provider,
			ClientRegistration registration, SignedInUser user,
			Tuple2<OAuth2Token, Optional<OAuth2AccessToken>> tokens) {
		return provider.authorize(OAuth2AuthorizationContext.withClientRegistration(registration)
			.principal(user.authentication())
			.attribute(SUBJECT_TOKEN, tokens.getT1())
			.attribute(ACTOR_TOKEN, tokens.getT2().orElse(null))
			.build());
	}

	/**
	 * The actor's token: the gateway's own client-credentials token, obtained like every
	 * service account's (cached, guarded by the actor registration's breaker).
	 */
	private @Nullable CredentialSource actorSource(CredentialSpec spec, Credentials credentials) {
		if (spec.actorRegistration() == null) {
			return null;
		}
		this.registrations.require(spec, "actor-registration", spec.actorRegistration(),
				AuthorizationGrantType.CLIENT_CREDENTIALS);
		return credentials.prepare(actorSpec(spec));
	}

	private Mono<OAuth2Token> subjectToken(SignedInUser user, CredentialSpec spec) {
		return (spec.subjectTokenType() == CredentialSpec.SubjectTokenType.ID_TOKEN)
				? this.userTokens.idToken(user).cast(OAuth2Token.class)
				: this.userTokens.accessToken(user, null).cast(OAuth2Token.class);
	}

	private static Mono<Optional<OAuth2AccessToken>> actorToken(@Nullable CredentialSource actor, SignedInUser user) {
		if (actor == null) {
			return Mono.just(Optional.empty());
		}
		return actor.obtain(user)
			.map((token) -> Optional
				.of(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token.value(), null, token.expiresAt())));
	}

	private static CredentialSpec actorSpec(CredentialSpec spec) {
		return CredentialSpec.builder(spec.routeId(), CredentialMode.SERVICE_ACCOUNT, spec.actorRegistration()).build();
	}

	private static Map<String, String> modeParameters(CredentialSpec spec) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("subject_token_type", spec.subjectTokenType().urn());
		if (spec.requestedTokenType() != null) {
			parameters.put("requested_token_type", spec.requestedTokenType());
		}
		return parameters;
	}

}
