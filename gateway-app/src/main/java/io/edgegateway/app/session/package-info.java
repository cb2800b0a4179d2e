/**
 * Browser sessions: in Redis (encrypted at rest) when Redis is configured, in memory
 * otherwise.
 */
@NullMarked
package io.edgegateway.app.session;

import org.jspecify.annotations.NullMarked;
