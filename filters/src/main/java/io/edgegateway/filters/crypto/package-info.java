/**
 * Authenticated encryption for values the gateway keeps at rest (sessions, tokens), and
 * the reading of private keys.
 */
@NullMarked
package io.edgegateway.filters.crypto;

import org.jspecify.annotations.NullMarked;
