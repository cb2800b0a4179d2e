/**
 * The gateway's own keys in a route's metadata ({@code auth}, {@code cors}), read one way
 * by route validation and by the running gateway.
 */
@NullMarked
package io.edgegateway.routes.metadata;

import org.jspecify.annotations.NullMarked;
