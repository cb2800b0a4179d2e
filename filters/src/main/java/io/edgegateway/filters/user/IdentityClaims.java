package io.edgegateway.filters.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as the gateway passes it on: read once per request from the
 * authenticated principal.
 *
 * @param subject the user's id, never empty
 * @param name the display name, if the identity provider sent one
 * @param email the email address, if any
 * @param groups the groups, possibly empty
 * @param tenant the tenant, if any
 * @param issuer the identity provider that signed the user in (the token's {@code iss}),
 * if it said
 */
public record IdentityClaims(String subject, @Nullable String name, @Nullable String email, List<String> groups,
		@Nullable String tenant, @Nullable String issuer) {

	public IdentityClaims {
		groups = List.copyOf(groups);
	}

}
