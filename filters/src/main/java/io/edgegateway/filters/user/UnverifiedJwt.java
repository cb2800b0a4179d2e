package io.edgegateway.filters.user;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a token the user already holds as a {@link Jwt}, without verifying it, to hand it
 * back to the identity provider that issued it as an assertion: the provider verifies its
 * own token, the gateway only carries it.
 */
final class UnverifiedJwt {

	private UnverifiedJwt() {
	}

	/**
	 * Read a JWT.
	 * @param value the token
	 * @return the token as a {@link Jwt}
	 * @throws OAuth2AuthorizationException ({@code invalid_token}) if it is not a JWT
	 */
	static Jwt parse(String value) {
		try {
			JWT jwt = JWTParser.parse(value);
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			return Jwt.withTokenValue(value)
				.headers((headers) -> headers.putAll(jwt.getHeader().toJSONObject()))
				.claims((all) -> all.putAll(claims.toJSONObject()))
				.issuedAt(instant(claims.getIssueTime()))
				.expiresAt(instant(claims.getExpirationTime()))
				.build();
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw new OAuth2AuthorizationException(
					new OAuth2Error("invalid_token", "The user's token is not a JWT and cannot be an assertion", null),
					ex);
		}
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
