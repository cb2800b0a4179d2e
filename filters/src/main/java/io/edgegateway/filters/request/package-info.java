/**
 * The request id: kept when a caller sent a well-formed one, made otherwise, echoed on
 * the response, sent upstream and written in every log line and audit event.
 */
@NullMarked
package io.edgegateway.filters.request;

import org.jspecify.annotations.NullMarked;
