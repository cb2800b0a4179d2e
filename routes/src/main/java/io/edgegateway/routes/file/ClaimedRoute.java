package io.edgegateway.routes.file;

import io.edgegateway.routes.precedence.RouteSpace;

/**
 * A route that already serves, as another file's check needs to see it: its id, who owns
 * it, where it is declared, and the requests it claims.
 *
 * @param id the route's id
 * @param owner the team that owns it (the file itself when no teams are configured), or
 * {@code null} for the application's own routes
 * @param source where it is declared, for messages: a file name, or the application's
 * configuration
 * @param space the hosts and paths it claims
 */
public record ClaimedRoute(String id, @org.jspecify.annotations.Nullable String owner, String source,
		RouteSpace space) {

	/**
	 * How messages name the application's own configuration.
	 */
	public static final String APPLICATION = "the gateway's own configuration";

}
