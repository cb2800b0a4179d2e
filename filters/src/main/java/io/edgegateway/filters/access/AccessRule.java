package io.edgegateway.filters.access;

import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;

/**
 * A route filter factory whose filter decides who may call the route, and that can tell
 * that decision for a user without a request, by the same checks its filter makes.
 *
 * @param <C> the filter's arguments
 */
public interface AccessRule<C> {

	/**
	 * What the filter, with these arguments, decides for a user.
	 * @param config the filter's arguments, bound for a route
	 * @param user the signed-in user, or {@code null} for none
	 * @return the verdict
	 */
	AccessVerdict verdict(C config, @Nullable SignedInUser user);

}
