/**
 * Tracing, off unless {@code edge.tracing.enabled}: the request's span tagged with what
 * the gateway decided, child spans around the token service's work, and the trace id for
 * the logs and error bodies. Off, every part is a no-op decided once, at startup.
 */
@NullMarked
package io.edgegateway.filters.tracing;

import org.jspecify.annotations.NullMarked;
