/**
 * Wiring of the routes module. No other package depends on this one.
 */
@NullMarked
package io.edgegateway.routes.config;

import org.jspecify.annotations.NullMarked;
