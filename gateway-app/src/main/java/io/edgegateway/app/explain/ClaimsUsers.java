package io.edgegateway.app.explain;

import java.util.Map;
import java.util.Optional;

import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The signed-in user a set of claims makes, as the gateway would see a bearer token that
 * carries them once verified: the claims typed as the JWT decoder types them
 * ({@code exp}, {@code iat} as instants, {@code aud} as a list), turned into the
 * authentication by the gateway's own converter (authorities from {@code scope}), then
 * into the user by the gateway's own resolver ({@code edge.identity.claims.*}). No token
 * is decoded or verified: the claims are taken as they are given.
 */
final class ClaimsUsers {

	/**
	 * The token value of the stand-in JWT; it is never sent or verified.
	 */
	private static final String NO_TOKEN = "explain";

	private final MappedJwtClaimSetConverter claimTypes = MappedJwtClaimSetConverter.withDefaults(Map.of());

	private final JwtAuthenticationConverter authentication;

	private final SignedInUserResolver users;

	ClaimsUsers(JwtAuthenticationConverter authentication, SignedInUserResolver users) {
		this.authentication = authentication;
		this.users = users;
	}

	/**
	 * The user the claims make.
	 * @param claims the claims
	 * @return the user, empty without claims or without the claim that names the user
	 * @throws IllegalArgumentException if a registered claim has the wrong type (an
	 * {@code exp} that is no time)
	 */
	Optional<SignedInUser> from(Map<String, Object> claims) {
		if (claims.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> typed;
		try {
			typed = this.claimTypes.convert(claims);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("claims: " + ex.getMessage(), ex);
		}
		Jwt jwt = Jwt.withTokenValue(NO_TOKEN).header("alg", "none").claims((values) -> values.putAll(typed)).build();
		return this.users.resolve(this.authentication.convert(jwt));
	}

}
