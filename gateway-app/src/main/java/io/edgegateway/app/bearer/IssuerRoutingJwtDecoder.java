package io.edgegateway.app.bearer;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens of several issuers ({@code edge.security.bearer.issuers}): each token is
 * verified by the decoder of the issuer its {@code iss} names (that issuer's keys,
 * audiences and rules), and a token of any other issuer is refused before any key is
 * fetched. The unverified {@code iss} only chooses the decoder: a token that names one
 * issuer and is signed by another's key fails that issuer's signature check.
 */
final class IssuerRoutingJwtDecoder implements ReactiveJwtDecoder, VerifiedTokens {

	private final Map<String, ReactiveJwtDecoder> byIssuer;

	private final List<VerifiedTokens> verified;

	IssuerRoutingJwtDecoder(Map<String, ReactiveJwtDecoder> byIssuer) {
		this.byIssuer = Map.copyOf(byIssuer);
		this.verified = byIssuer.values()
			.stream()
			.filter(VerifiedTokens.class::isInstance)
			.map(VerifiedTokens.class::cast)
			.toList();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		String issuer;
		try {
			JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
			issuer = (claims != null) ? claims.getIssuer() : null;
		}
		catch (ParseException ex) {
			return Mono.error(new BadJwtException("Malformed token: " + ex.getMessage(), ex));
		}
		ReactiveJwtDecoder decoder = (issuer != null) ? this.byIssuer.get(issuer) : null;
		if (decoder == null) {
			return Mono.error(new BadJwtException("The token's issuer is not trusted"));
		}
		return decoder.decode(token);
	}

	@Override
	public @Nullable Jwt verified(String token) {
		for (VerifiedTokens tokens : this.verified) {
			Jwt jwt = tokens.verified(token);
			if (jwt != null) {
				return jwt;
			}
		}
		return null;
	}

}
