/**
 * The gateway's own endpoints and error responses.
 */
@NullMarked
package io.edgegateway.app.web;

import org.jspecify.annotations.NullMarked;
