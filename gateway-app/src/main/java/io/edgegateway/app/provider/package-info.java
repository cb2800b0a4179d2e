/**
 * The identity provider's metadata: client registrations whose endpoints come from the
 * provider's discovery document, read in the background so that the gateway starts, and
 * reports not-ready, while the provider cannot be reached.
 */
@NullMarked
package io.edgegateway.app.provider;

import org.jspecify.annotations.NullMarked;
