/**
 * The access log and the audit events written off the request thread, with every event
 * that could not be written counted and reported.
 */
@NullMarked
package io.edgegateway.app.logging;

import org.jspecify.annotations.NullMarked;
