package io.edgegateway.idp.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs OpenID Connect back-channel logout tokens for the {@code edge-gateway} client
 * with the identity provider's own key, as a provider sends them to a relying party's
 * back-channel logout endpoint, so tests can send real ones, and spoiled ones.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken">OpenID
 * Connect Back-Channel Logout 1.0, section 2.4</a>
 */
public final class LogoutTokenSigner {

	/**
	 * The event a logout token carries.
	 */
	public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final Duration LIFETIME = Duration.ofMinutes(2);

	private final JwtEncoder jwtEncoder;

	private final String issuer;

	private final Clock clock;

	LogoutTokenSigner(JwtEncoder jwtEncoder, String issuer, Clock clock) {
		this.jwtEncoder = jwtEncoder;
		this.issuer = issuer;
		this.clock = clock;
	}

	/**
	 * Signs a logout token ({@code typ: logout+jwt}) with {@code iss}, {@code aud}
	 * {@code edge-gateway}, {@code iat} now, {@code exp} in two minutes, a fresh
	 * {@code jti} and the back-channel logout event, then the given changes.
	 * @param changes claims to add or replace; a {@code null} value removes the claim
	 * @return the serialized JWT
	 */
	public String sign(Map<String, ? extends @Nullable Object> changes) {
		Instant now = this.clock.instant();
		Map<String, @Nullable Object> claims = new LinkedHashMap<>();
		claims.put("iss", this.issuer);
		claims.put("aud", List.of(EdgeGatewayClient.CLIENT_ID));
		claims.put("iat", now);
		claims.put("exp", now.plus(LIFETIME));
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("events", Map.of(EVENT, Map.of()));
		claims.putAll(changes);
		claims.values().removeIf((value) -> value == null);
		JwtClaimsSet claimsSet = JwtClaimsSet.builder().claims((all) -> all.putAll(claims)).build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
		return this.jwtEncoder.encode(JwtEncoderParameters.from(header, claimsSet)).getTokenValue();
	}

}
