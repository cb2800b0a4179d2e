/**
 * Bearer clients: how the gateway verifies the JWTs API clients present, and fetches the
 * identity provider's keys for it.
 */
@NullMarked
package io.edgegateway.app.bearer;

import org.jspecify.annotations.NullMarked;
