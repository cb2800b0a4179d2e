/**
 * Authenticated encryption for values the gateway keeps at rest (sessions, tokens).
 */
@NullMarked
package io.edgegateway.filters.crypto;

import org.jspecify.annotations.NullMarked;
