package io.edgegateway.idp.server;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Issues Microsoft Entra style On-Behalf-Of tokens, with Entra's rules and error codes:
 * the client needs the {@code jwt-bearer} grant ({@code unauthorized_client});
 * {@code requested_token_use} must be {@code on_behalf_of} ({@code invalid_request}); the
 * assertion must be an unexpired JWT signed by this identity provider, with its issuer
 * and the requesting client among its audiences ({@code invalid_grant}); every scope must
 * be {@code api://<name>/.default} for a known API ({@code invalid_scope}).
 * <p>
 * The issued access token is signed by the identity provider and lives five minutes:
 * {@code sub} and the profile claims are copied from the assertion, {@code aud} is the
 * first scope's {@code api://<name>}, {@code scp} the scopes and {@code azp} the client.
 * There is no refresh token.
 */
final class OnBehalfOfAuthenticationProvider implements AuthenticationProvider {

	static final Duration TOKEN_TIME_TO_LIVE = Duration.ofMinutes(5);

	private static final String ON_BEHALF_OF = "on_behalf_of";

	private static final Pattern DEFAULT_SCOPE = Pattern.compile("(api://([^/\\s]+))/\\.default");

	private static final Set<String> KNOWN_APIS = Set.of("orders", "reports", "finance");

	/**
	 * APIs behind a conditional-access policy that requires multi-factor authentication:
	 * an assertion without {@code mfa} in its {@code amr} is answered as Entra ID answers
	 * it, {@code interaction_required}, so the user must sign in again.
	 */
	private static final Set<String> MULTI_FACTOR_APIS = Set.of("api://finance");

	private static final List<String> PROFILE_CLAIMS = List.of("name", "email", "groups", "tenant");

	private final JwtDecoder assertionDecoder;

	private final AccessTokenSigner signer;

	OnBehalfOfAuthenticationProvider(JWKSource<SecurityContext> jwkSource, String issuer, AccessTokenSigner signer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
		this.assertionDecoder = decoder;
		this.signer = signer;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OnBehalfOfAuthenticationToken request = (OnBehalfOfAuthenticationToken) authentication;
		if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw error(OAuth2ErrorCodes.INVALID_CLIENT, "The client is not authenticated");
		}
		RegisteredClient registeredClient = client.getRegisteredClient();
		if (!registeredClient.getAuthorizationGrantTypes().contains(AuthorizationGrantType.JWT_BEARER)) {
			throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The client is not authorized to use the grant type "
					+ AuthorizationGrantType.JWT_BEARER.getValue());
		}
		if (!ON_BEHALF_OF.equals(request.requestedTokenUse())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "requested_token_use must be on_behalf_of");
		}
		Jwt assertion = decode(request.assertion(), registeredClient.getClientId());
		List<String> apis = request.scopes().stream().map(OnBehalfOfAuthenticationProvider::apiOf).toList();
		requireMultiFactorWhereNeeded(assertion, apis);
		Instant issuedAt = Instant.now();
		Instant expiresAt = issuedAt.plus(TOKEN_TIME_TO_LIVE);
		String token = this.signer.sign(claims(assertion, apis.get(0), request.scopes(), registeredClient), issuedAt,
				expiresAt);
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, issuedAt,
				expiresAt, new LinkedHashSet<>(request.scopes()));
		return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OnBehalfOfAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private Jwt decode(String assertion, String clientId) {
		Jwt jwt;
		try {
			jwt = this.assertionDecoder.decode(assertion);
		}
		catch (JwtException ex) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The assertion is invalid: " + ex.getMessage());
		}
		if (jwt.getAudience() == null || !jwt.getAudience().contains(clientId)) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The assertion's audience does not contain " + clientId);
		}
		if (jwt.getSubject() == null) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The assertion has no subject");
		}
		return jwt;
	}

	private static void requireMultiFactorWhereNeeded(Jwt assertion, List<String> apis) {
		List<String> methods = assertion.hasClaim("amr") ? assertion.getClaimAsStringList("amr") : List.of();
		for (String api : apis) {
			if (MULTI_FACTOR_APIS.contains(api) && !methods.contains("mfa")) {
				throw new OAuth2AuthenticationException(new ClaimsChallenge("interaction_required",
						"AADSTS50076: Due to a configuration change made by your administrator, or because you moved "
								+ "to a new location, you must use multi-factor authentication to access '" + api
								+ "'.",
						ClaimsChallenge.MULTI_FACTOR));
			}
		}
	}

	/**
	 * The API a scope names.
	 * @param scope a requested scope
	 * @return {@code api://<name>}
	 * @throws OAuth2AuthenticationException {@code invalid_scope} unless the scope is
	 * {@code api://<name>/.default} of a known API
	 */
	private static String apiOf(String scope) {
		Matcher matcher = DEFAULT_SCOPE.matcher(scope);
		if (!matcher.matches() || !KNOWN_APIS.contains(matcher.group(2))) {
			throw error(OAuth2ErrorCodes.INVALID_SCOPE,
					"The scope " + scope + " is not an api://<name>/.default scope" + " of a known API " + KNOWN_APIS);
		}
		return matcher.group(1);
	}

	private static Map<String, Object> claims(Jwt assertion, String audience, List<String> scopes,
			RegisteredClient client) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", assertion.getSubject());
		for (String name : PROFILE_CLAIMS) {
			if (assertion.hasClaim(name)) {
				claims.put(name, assertion.getClaim(name));
			}
		}
		claims.put("aud", List.of(audience));
		claims.put("scp", String.join(" ", scopes));
		claims.put("azp", client.getClientId());
		claims.put("jti", UUID.randomUUID().toString());
		return claims;
	}

	private static OAuth2AuthenticationException error(String errorCode, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(errorCode, description, null));
	}

}
