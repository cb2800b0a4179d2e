package io.edgegateway.idp.server;

import java.time.Instant;
import java.util.Map;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs arbitrary access tokens with the identity provider's own key, so tests can mint
 * expired or odd tokens that still verify against the published JWKS.
 */
public final class AccessTokenSigner {

	private final JwtEncoder jwtEncoder;

	private final String issuer;

	AccessTokenSigner(JwtEncoder jwtEncoder, String issuer) {
		this.jwtEncoder = jwtEncoder;
		this.issuer = issuer;
	}

	/**
	 * Signs a JWT with {@code iss} set to the issuer, the given times, and then the given
	 * claims (which may override {@code iss}).
	 * @param claims the claims to add, for example {@code sub} and {@code aud}
	 * @param issuedAt the {@code iat} claim
	 * @param expiresAt the {@code exp} claim
	 * @return the serialized JWT
	 */
	public String sign(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
		JwtClaimsSet claimsSet = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claims((all) -> all.putAll(claims))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
		return this.jwtEncoder.encode(JwtEncoderParameters.from(header, claimsSet)).getTokenValue();
	}

}
