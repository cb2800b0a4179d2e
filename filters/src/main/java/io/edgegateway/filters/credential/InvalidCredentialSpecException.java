package io.edgegateway.filters.credential;

/**
 * A route's credential arguments cannot work with the gateway's configuration: the
 * message names the route, the field and what is wrong, e.g.
 * {@code route 'orders': registration: 'ordrs' is not a configured client
 * registration}.
 */
public class InvalidCredentialSpecException extends IllegalArgumentException {

	public InvalidCredentialSpecException(String routeId, String field, String problem) {
		super("route '" + routeId + "': " + field + ": " + problem);
	}

}
