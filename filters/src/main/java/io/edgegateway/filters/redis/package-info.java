/**
 * Redis, when the gateway is configured with one: the token cache shares tokens through
 * it and the application keeps sessions in it; without it both stay in memory.
 */
@NullMarked
package io.edgegateway.filters.redis;

import org.jspecify.annotations.NullMarked;
