/**
 * Route files as operators see them: the actuator endpoint and metrics.
 */
@NullMarked
package io.edgegateway.app.routes;

import org.jspecify.annotations.NullMarked;
