/**
 * Access rules: who may call a route, enforced by the gateway before any credential is
 * minted.
 */
@NullMarked
package io.edgegateway.filters.access;

import org.jspecify.annotations.NullMarked;
