/**
 * How a request finds its route: matched once, before the security chain when some route
 * is public, and routed by that match; a route's CORS policy answered by the route that
 * matched.
 */
@NullMarked
package io.edgegateway.app.routing;

import org.jspecify.annotations.NullMarked;
