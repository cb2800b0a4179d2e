package io.edgegateway.filters.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

	private static final Log logger = LogFactory.getLog(SignedInUserResolver.class);

	private static final String USER_ID = "edge.identity.claims.user-id";

	private static final String NAME = "edge.identity.claims.name";

	private static final String EMAIL = "edge.identity.claims.email";

	private static final String GROUPS = "edge.identity.claims.groups";

	private static final String TENANT = "edge.identity.claims.tenant";

	/**
	 * The issuer claim, as OpenID Connect and RFC 7519 name it.
	 */
	private static final String ISSUER = "iss";

	private final ClaimPath userId;

	private final ClaimPath name;

	private final ClaimPath email;

	private final ClaimPath groups;

	private final ClaimPath tenant;

	private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

	private SignedInUserResolver(Map<String, ClaimPath> paths) {
		this.userId = paths.get(USER_ID);
		this.name = paths.get(NAME);
		this.email = paths.get(EMAIL);
		this.groups = paths.get(GROUPS);
		this.tenant = paths.get(TENANT);
	}

	/**
	 * Check the claim paths and build the resolver.
	 * @param names the claim names or paths
	 * @return the resolver
	 * @throws IllegalArgumentException naming every empty or malformed claim path
	 */
	public static SignedInUserResolver from(IdentityClaimsProperties names) {
		List<String> problems = new ArrayList<>();
		Map<String, ClaimPath> paths = parse(names, problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid identity claims: " + String.join("; ", problems));
		}
		return new SignedInUserResolver(paths);
	}

	/**
	 * What is wrong with the configured claims, each problem naming its property.
	 * @param names the configured claims
	 * @return the problems, empty when every claim is a claim path
	 */
	public static List<String> problems(IdentityClaimsProperties names) {
		List<String> problems = new ArrayList<>();
		parse(names, problems);
		return problems;
	}

	private static Map<String, ClaimPath> parse(IdentityClaimsProperties names, List<String> problems) {
		Map<String, @Nullable String> claims = new LinkedHashMap<>();
		claims.put(USER_ID, names.getUserId());
		claims.put(NAME, names.getName());
		claims.put(EMAIL, names.getEmail());
		claims.put(GROUPS, names.getGroups());
		claims.put(TENANT, names.getTenant());
		Map<String, ClaimPath> paths = new LinkedHashMap<>();
		claims.forEach((property, claim) -> {
			if (!StringUtils.hasText(claim)) {
				problems.add(property + ": a claim name is required");
				return;
			}
			try {
				paths.put(property, ClaimPath.parse(claim));
			}
			catch (IllegalArgumentException ex) {
				problems.add(property + ": " + ex.getMessage());
			}
		});
		return paths;
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
		String subject = text(read(claims, this.userId, USER_ID));
		if (subject == null) {
			return Optional.empty();
		}
		IdentityClaims identity = new IdentityClaims(subject, text(read(claims, this.name, NAME)),
				text(read(claims, this.email, EMAIL)), list(read(claims, this.groups, GROUPS)),
				text(read(claims, this.tenant, TENANT)), text(claims.get(ISSUER)));
		return Optional.of(new SignedInUser(authentication, identity,
				bearer ? SignedInUser.Kind.BEARER : SignedInUser.Kind.SESSION));
	}

	/**
	 * Read a claim; the first time a signed-in user's token lacks it, say so once (a
	 * claim path that names nothing the provider sends is otherwise silent).
	 */
	private @Nullable Object read(Map<String, Object> claims, ClaimPath path, String property) {
		Object value = path.read(claims);
		if (value == null && !this.reportedMissing.contains(property) && this.reportedMissing.add(property)) {
			logger.info("A signed-in user's token has no claim '" + path + "' (" + property
					+ "); it is left out of what the gateway passes on. Reported once.");
		}
		return value;
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
