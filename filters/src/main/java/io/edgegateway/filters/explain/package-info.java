/**
 * Explaining what a route's filters would do for a user, without a request and without
 * calling anyone: the access rules' verdicts, the credential the upstream would get, the
 * identity headers it would see.
 */
@NullMarked
package io.edgegateway.filters.explain;

import org.jspecify.annotations.NullMarked;
