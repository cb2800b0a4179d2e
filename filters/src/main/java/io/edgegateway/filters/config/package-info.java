/**
 * Wiring of the filters module. No other package depends on this one.
 */
@NullMarked
package io.edgegateway.filters.config;

import org.jspecify.annotations.NullMarked;
