/**
 * The token cache's shared level in Redis, and its health.
 */
@NullMarked
package io.edgegateway.app.cache;

import org.jspecify.annotations.NullMarked;
