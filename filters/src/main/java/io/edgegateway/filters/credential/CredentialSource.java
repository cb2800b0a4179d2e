package io.edgegateway.filters.credential;

import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.SignedInUser;
import reactor.core.publisher.Mono;

/**
 * A route's credential, prepared once when the route is built: given the signed-in user,
 * it obtains the token the upstream receives, or fails with a
 * {@link CredentialException}.
 */
@FunctionalInterface
public interface CredentialSource {

	/**
	 * Obtain the upstream's token for a user.
	 * @param user the signed-in user
	 * @return the token, or a {@link CredentialException}
	 */
	Mono<MintedToken> obtain(SignedInUser user);

	/**
	 * Forget the token obtained for a user, because the upstream rejected it: the next
	 * request obtains a new one.
	 * @param user the signed-in user
	 * @return completion
	 */
	default Mono<Void> forget(SignedInUser user) {
		return Mono.empty();
	}

}
