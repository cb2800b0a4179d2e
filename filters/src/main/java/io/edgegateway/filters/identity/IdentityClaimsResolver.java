package io.edgegateway.filters.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Reads {@link IdentityClaims} from an authenticated principal: the OIDC user of a
 * browser session (ID token plus user info) or the validated JWT of a bearer client. The
 * one place that decides which claim is which.
 */
public final class IdentityClaimsResolver {

	private final IdentityProperties.Claims names;

	public IdentityClaimsResolver(IdentityProperties.Claims names) {
		Assert.notNull(names, "names cannot be null");
		this.names = names;
	}

	/**
	 * Resolve the identity of an authenticated principal.
	 * @param authentication the principal, or {@code null}
	 * @return the identity, empty when the principal is absent, not authenticated or has
	 * no subject
	 */
	public Optional<IdentityClaims> resolve(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		Map<String, Object> claims = claimsOf(authentication);
		String subject = text(claims.get(this.names.getUserId()));
		if (subject == null) {
			return Optional.empty();
		}
		return Optional.of(new IdentityClaims(subject, text(claims.get(this.names.getName())),
				text(claims.get(this.names.getEmail())), list(claims.get(this.names.getGroups())),
				text(claims.get(this.names.getTenant()))));
	}

	private static Map<String, Object> claimsOf(Authentication authentication) {
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
			return token.getTokenAttributes();
		}
		if (authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal) {
			return principal.getAttributes();
		}
		return Map.of();
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
