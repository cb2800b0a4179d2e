/**
 * Tracing switched on and off as one: {@code edge.tracing.enabled}.
 */
@NullMarked
package io.edgegateway.app.tracing;

import org.jspecify.annotations.NullMarked;
