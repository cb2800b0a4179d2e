package io.edgegateway.filters.credential;

/**
 * One credential mode's way of obtaining tokens.
 * {@link #prepare(CredentialSpec, Credentials)} runs once per route: it checks the spec
 * against the gateway's configuration (registrations, keys) and builds what minting
 * needs, so a bad route fails when it is loaded, naming the route and the field.
 */
public interface CredentialStrategy {

	/**
	 * The mode this strategy implements.
	 * @return the mode
	 */
	CredentialMode mode();

	/**
	 * Prepare a route's credential.
	 * @param spec the route's credential spec
	 * @param credentials the other credentials a mode may build on (the actor of a token
	 * exchange)
	 * @return the prepared source
	 * @throws InvalidCredentialSpecException if the spec names something the gateway does
	 * not have
	 */
	CredentialSource prepare(CredentialSpec spec, Credentials credentials);

	/**
	 * Credentials prepared by the {@link CredentialService}: cached, bounded in time and
	 * guarded by their own registration's circuit breaker, like every route's credential.
	 */
	@FunctionalInterface
	interface Credentials {

		/**
		 * Prepare a credential.
		 * @param spec what is asked for
		 * @return its source
		 */
		CredentialSource prepare(CredentialSpec spec);

	}

}
