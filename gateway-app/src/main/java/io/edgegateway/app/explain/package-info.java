/**
 * Explaining a routing decision: for a method, host, path and a user's claims, which
 * route answers and why, which filters run, which credential the upstream would get and
 * whether the access rules allow it, without calling any upstream or identity provider.
 */
@NullMarked
package io.edgegateway.app.explain;

import org.jspecify.annotations.NullMarked;
