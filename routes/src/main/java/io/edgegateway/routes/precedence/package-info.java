/**
 * Which route answers a request when several could: routes as spaces of hosts and paths,
 * their specificity, the order the gateway matches them in, and the grants that confine
 * each team's route files.
 */
@NullMarked
package io.edgegateway.routes.precedence;

import org.jspecify.annotations.NullMarked;
