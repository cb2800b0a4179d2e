/**
 * Route definitions: checking them against the gateway's filters and predicates before
 * they serve.
 */
@NullMarked
package io.edgegateway.routes;

import org.jspecify.annotations.NullMarked;
