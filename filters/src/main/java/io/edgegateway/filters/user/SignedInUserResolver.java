package io.edgegateway.filters.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Turns an authenticated principal into the {@link SignedInUser}: the OIDC user of a
 * browser session (ID token plus user info) or the validated JWT of a bearer client. The
 * one place that decides which claim is which, and whether a user is a session or a
 * bearer user.
 */
public final class SignedInUserResolver {

	private final IdentityClaimsProperties names;

	private SignedInUserResolver(IdentityClaimsProperties names) {
		this.names = names;
	}

	/**
	 * Check the claim names and build the resolver.
	 * @param names the claim names
	 * @return the resolver
	 * @throws IllegalArgumentException naming every empty claim name
	 */
	public static SignedInUserResolver from(IdentityClaimsProperties names) {
		Map<String, @Nullable String> claims = new LinkedHashMap<>();
		claims.put("edge.identity.claims.user-id", names.getUserId());
		claims.put("edge.identity.claims.name", names.getName());
		claims.put("edge.identity.claims.email", names.getEmail());
		claims.put("edge.identity.claims.groups", names.getGroups());
		claims.put("edge.identity.claims.tenant", names.getTenant());
		List<String> problems = new ArrayList<>();
		claims.forEach((property, claim) -> {
			if (!StringUtils.hasText(claim)) {
				problems.add(property + ": a claim name is required");
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid identity claims: " + String.join("; ", problems));
		}
		return new SignedInUserResolver(names);
	}

	/**
	 * Resolve the user of an authenticated principal.
	 * @param authentication the principal, or {@code null}
	 * @return the user, empty when the principal is absent, not authenticated or has no
	 * subject
	 */
	public Optional<SignedInUser> resolve(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		boolean bearer = authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>;
		Map<String, Object> claims = bearer
				? ((AbstractOAuth2TokenAuthenticationToken<?>) authentication).getTokenAttributes()
				: attributesOf(authentication);
		String subject = text(claims.get(this.names.getUserId()));
		if (subject == null) {
			return Optional.empty();
		}
		IdentityClaims identity = new IdentityClaims(subject, text(claims.get(this.names.getName())),
				text(claims.get(this.names.getEmail())), list(claims.get(this.names.getGroups())),
				text(claims.get(this.names.getTenant())));
		return Optional.of(new SignedInUser(authentication, identity,
				bearer ? SignedInUser.Kind.BEARER : SignedInUser.Kind.SESSION));
	}

	private static Map<String, Object> attributesOf(Authentication authentication) {
		return (authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal)
				? principal.getAttributes() : Map.of();
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return StringUtils.hasText(text) ? text : null;
	}

	private static List<String> list(@Nullable Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).filter(StringUtils::hasText).toList();
		}
		if (value instanceof String text) {
			return Arrays.stream(text.split("[\\s,]+")).filter(StringUtils::hasText).toList();
		}
		return List.of();
	}

}
