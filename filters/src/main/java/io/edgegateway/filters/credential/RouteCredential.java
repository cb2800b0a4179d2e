package io.edgegateway.filters.credential;

import org.jspecify.annotations.Nullable;

/**
 * The credential a request's route asked for and, once issued, the fingerprint of the
 * token sent upstream (never the token), as the audit event reports them. Kept in the
 * exchange attribute {@link #ATTRIBUTE}.
 *
 * @param spec the route's credential spec
 * @param fingerprint the issued token's fingerprint, {@code null} until one is issued
 */
public record RouteCredential(CredentialSpec spec, @Nullable String fingerprint) {

	/**
	 * Exchange attribute that holds the route's credential.
	 */
	public static final String ATTRIBUTE = RouteCredential.class.getName();

}
