/**
 * The gateway's HTTP server: how many event loops it runs.
 */
@NullMarked
package io.edgegateway.app.server;

import org.jspecify.annotations.NullMarked;
