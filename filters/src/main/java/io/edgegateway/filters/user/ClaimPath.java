package io.edgegateway.filters.user;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a claim is read from: a claim name, or a path of names separated by dots into
 * nested claims, as providers put them (Keycloak's {@code realm_access.roles} and
 * {@code resource_access.<client>.roles}). A claim whose own name contains dots (Auth0's
 * namespaced {@code https://example.com/groups}) is found by its name first.
 */
final class ClaimPath {

	private final String path;

	private final String[] names;

	private ClaimPath(String path) {
		this.path = path;
		this.names = path.split("\\.", -1);
	}

	/**
	 * Parse a claim path.
	 * @param path the configured path
	 * @return the path
	 * @throws IllegalArgumentException if a name of it is empty ({@code a..b},
	 * {@code .a}, {@code a.})
	 */
	static ClaimPath parse(String path) {
		ClaimPath parsed = new ClaimPath(path.strip());
		for (String name : parsed.names) {
			if (name.isBlank()) {
				throw new IllegalArgumentException(
						"'" + path + "' is not a claim path: names separated by single dots, none of them empty");
			}
		}
		return parsed;
	}

	/**
	 * Read the claim.
	 * @param claims the token's claims
	 * @return the claim's value, or {@code null} when the token has none there
	 */
	@Nullable Object read(Map<String, Object> claims) {
		Object exact = claims.get(this.path);
		if (exact != null || this.names.length == 1) {
			return exact;
		}
		Object current = claims;
		for (String name : this.names) {
			if (!(current instanceof Map<?, ?> nested)) {
				return null;
			}
			current = nested.get(name);
		}
		return current;
	}

	@Override
	public String toString() {
		return this.path;
	}

}
