package io.edgegateway.routes.metadata;

import java.util.Map;

/**
 * Who may call a route, from its {@code metadata.auth}: without it a signed-in user only
 * (a browser session or a bearer token); {@code public}: anyone, without signing in (a
 * health page, public assets, a webhook receiver that verifies its callers itself).
 *
 * <pre>
 * metadata:
 *   auth: public
 * </pre>
 */
public enum RouteAuth {

	/**
	 * Only a signed-in user: the default.
	 */
	SIGNED_IN,

	/**
	 * Anyone: no session or bearer token is read, and the upstream learns of no user.
	 */
	PUBLIC;

	/**
	 * The metadata key.
	 */
	public static final String METADATA_KEY = "auth";

	private static final String PUBLIC_VALUE = "public";

	/**
	 * Read a route's metadata.
	 * @param metadata the route's metadata
	 * @return who may call the route
	 * @throws IllegalArgumentException naming the value, if it is not a known one
	 */
	public static RouteAuth of(Map<String, Object> metadata) {
		Object value = metadata.get(METADATA_KEY);
		if (value == null) {
			return SIGNED_IN;
		}
		if (PUBLIC_VALUE.equals(value)) {
			return PUBLIC;
		}
		throw new IllegalArgumentException("metadata." + METADATA_KEY + ": '" + value + "' is not known; known: ["
				+ PUBLIC_VALUE + "] (without it, a route needs a signed-in user)");
	}

	/**
	 * Whether a route is public, on the request path: only the exact value {@code public}
	 * makes it so, any other (which validation refuses) leaves the route for signed-in
	 * users.
	 * @param metadata the route's metadata
	 * @return whether anyone may call the route
	 */
	public static boolean isPublic(Map<String, Object> metadata) {
		return PUBLIC_VALUE.equals(metadata.get(METADATA_KEY));
	}

}
