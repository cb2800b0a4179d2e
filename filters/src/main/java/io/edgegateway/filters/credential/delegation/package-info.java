/**
 * Domain-wide delegation: a service account signs an assertion naming the user, Google
 * style.
 */
@NullMarked
package io.edgegateway.filters.credential.delegation;

import org.jspecify.annotations.NullMarked;
