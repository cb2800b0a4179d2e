/**
 * The edge: what the gateway takes out of a request before anything else acts on it, and
 * what it puts on the request it proxies about the connection it came from. A client's
 * hop-by-hop declarations are limited to connection options, the gateway's own cookies
 * never leave it, and the upstream learns the client's address from the gateway alone.
 */
@NullMarked
package io.edgegateway.filters.edge;

import org.jspecify.annotations.NullMarked;
