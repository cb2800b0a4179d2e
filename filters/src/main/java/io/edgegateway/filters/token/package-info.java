/**
 * Minted tokens: the value a credential mode produces, with its expiry and fingerprint.
 */
@NullMarked
package io.edgegateway.filters.token;

import org.jspecify.annotations.NullMarked;
