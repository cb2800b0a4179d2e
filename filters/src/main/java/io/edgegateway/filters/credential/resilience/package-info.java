/**
 * What keeps a slow or failing identity provider from taking the gateway down with it: a
 * circuit breaker and a bound on the mints in flight, per registration.
 */
@NullMarked
package io.edgegateway.filters.credential.resilience;

import org.jspecify.annotations.NullMarked;
