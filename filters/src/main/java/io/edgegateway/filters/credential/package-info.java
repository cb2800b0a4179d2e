/**
 * Credential modes: which credential the upstream receives for a route.
 */
@NullMarked
package io.edgegateway.filters.credential;

import org.jspecify.annotations.NullMarked;
