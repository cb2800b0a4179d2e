/**
 * The signed identity assertion: a short JWT the gateway signs for a route's upstream,
 * its signing keys with their rotation, and the JWK set upstreams verify it with.
 */
@NullMarked
package io.edgegateway.filters.assertion;

import org.jspecify.annotations.NullMarked;
