/**
 * Audit: one structured event per proxied request.
 */
@NullMarked
package io.edgegateway.filters.audit;

import org.jspecify.annotations.NullMarked;
