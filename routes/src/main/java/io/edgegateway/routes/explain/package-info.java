/**
 * Explaining a routing decision without serving the request: which route a described
 * request matches, the routes before it that did not (and the predicate that failed), the
 * routes after it that also match (and the precedence rule that put the winner first).
 */
@NullMarked
package io.edgegateway.routes.explain;

import org.jspecify.annotations.NullMarked;
