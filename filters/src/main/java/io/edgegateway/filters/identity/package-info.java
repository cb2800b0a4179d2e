/**
 * Identity headers: what the upstream learns about the signed-in user, and the request
 * id.
 */
@NullMarked
package io.edgegateway.filters.identity;

import org.jspecify.annotations.NullMarked;
