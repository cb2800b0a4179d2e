package io.edgegateway.app.logout;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.edgegateway.app.bearer.JwkSetSource;
import io.edgegateway.app.security.EdgeSecurityProperties;
import io.edgegateway.filters.tracing.ProviderWebClients;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One logout token decoder per sign-in registration: the signature is verified with the
 * keys of the registration's JWK set ({@code RS256}), fetched as the bearer tokens' keys
 * are ({@link JwkSetSource}: a token naming an unknown key fetches the set again at most
 * once per {@code edge.security.bearer.jwks-refresh-cooldown}, so logout tokens with
 * random {@code kid}s cannot make the gateway flood the provider), and the claims are
 * validated as OpenID Connect Back-Channel Logout 1.0 section 2.6 requires, with Spring
 * Security's timestamp ({@code exp}, 60 s skew), type ({@code JWT} or {@code logout+jwt})
 * and issuer validators and a rule for each further claim. Every problem of a token is
 * reported, each naming its claim.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation">OpenID
 * Connect Back-Channel Logout 1.0, section 2.6</a>
 */
final class LogoutTokenDecoders {

	/**
	 * The event a logout token carries.
	 */
	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final String SPEC = "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation";

	private static final MappedJwtClaimSetConverter DEFAULT_CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

	private final Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

	private final EdgeSecurityProperties.Bearer keys;

	private final Clock clock;

	private final ProviderWebClients webClients;

	LogoutTokenDecoders(EdgeSecurityProperties.Bearer keys, Clock clock, ProviderWebClients webClients) {
		this.keys = keys;
		this.clock = clock;
		this.webClients = webClients;
	}

	/**
	 * The decoder of a registration's logout tokens.
	 * @param registration a sign-in registration with an issuer and a JWK set
	 * @return the decoder, built once per registration
	 */
	ReactiveJwtDecoder decoder(ClientRegistration registration) {
		String jwkSetUri = registration.getProviderDetails().getJwkSetUri();
		Assert.state(StringUtils.hasText(jwkSetUri),
				() -> "registration '" + registration.getRegistrationId() + "' has no jwk-set-uri");
		return this.decoders.computeIfAbsent(registration.getRegistrationId() + " " + jwkSetUri,
				(key) -> build(registration, jwkSetUri));
	}

	private ReactiveJwtDecoder build(ClientRegistration registration, String jwkSetUri) {
		WebClient webClient = this.webClients.create();
		JwkSetSource keys = new JwkSetSource(() -> Mono.just(jwkSetUri), webClient, this.keys.getJwksRefreshCooldown(),
				this.keys.getJwksMaxAge(), this.clock);
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys).build();
		decoder.setClaimSetConverter(LogoutTokenDecoders::claims);
		decoder.setJwtValidator(validator(registration, this.clock));
		return decoder;
	}

	/**
	 * The claims with Spring Security's default conversions, but without the {@code iat}
	 * it makes up (one second before {@code exp}) for a token that has none: a logout
	 * token must carry its own.
	 */
	private static Map<String, Object> claims(Map<String, Object> claims) {
		Map<String, Object> converted = new HashMap<>(DEFAULT_CLAIMS.convert(claims));
		if (!claims.containsKey(JwtClaimNames.IAT)) {
			converted.remove(JwtClaimNames.IAT);
		}
		return converted;
	}

	/**
	 * The claims a registration's logout tokens must have.
	 * @param registration the registration
	 * @param clock the clock {@code exp} is checked against
	 * @return the validator
	 */
	static OAuth2TokenValidator<Jwt> validator(ClientRegistration registration, Clock clock) {
		String issuer = registration.getProviderDetails().getIssuerUri();
		Assert.state(StringUtils.hasText(issuer),
				() -> "registration '" + registration.getRegistrationId() + "' has no issuer-uri");
		String clientId = registration.getClientId();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		JwtTypeValidator type = new JwtTypeValidator("JWT", "logout+jwt");
		type.setAllowEmpty(true);
		return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, type, new JwtIssuerValidator(issuer),
				rule("aud must contain the client id '" + clientId + "'",
						(jwt) -> jwt.getAudience() != null && jwt.getAudience().contains(clientId)),
				rule("iat is missing", (jwt) -> jwt.getIssuedAt() != null),
				rule("jti is missing", (jwt) -> StringUtils.hasText(jwt.getId())),
				rule("events must contain \"" + EVENT + "\" with a JSON object",
						(jwt) -> jwt.getClaim("events") instanceof Map<?, ?> events
								&& events.get(EVENT) instanceof Map),
				rule("sid or sub is required", (jwt) -> jwt.hasClaim("sid") || jwt.hasClaim(JwtClaimNames.SUB)),
				rule("nonce must not be present", (jwt) -> !jwt.hasClaim("nonce"))));
	}

	private static OAuth2TokenValidator<Jwt> rule(String description, Predicate<Jwt> valid) {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, SPEC);
		return (jwt) -> valid.test(jwt) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(error);
	}

}
