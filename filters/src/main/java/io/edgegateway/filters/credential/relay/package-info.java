/**
 * Token relay: the upstream receives the signed-in user's own access token.
 */
@NullMarked
package io.edgegateway.filters.credential.relay;

import org.jspecify.annotations.NullMarked;
