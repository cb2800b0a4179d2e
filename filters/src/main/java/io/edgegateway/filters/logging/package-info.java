/**
 * Events written to the log (the access log, audit events): fields a log platform ingests
 * when Spring Boot's structured logging is on, one readable line when it is off.
 */
@NullMarked
package io.edgegateway.filters.logging;

import org.jspecify.annotations.NullMarked;
