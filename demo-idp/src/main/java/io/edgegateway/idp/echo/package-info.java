/**
 * The echo upstream: a plain JDK HTTP server that answers every request with what it
 * received.
 */
@NullMarked
package io.edgegateway.idp.echo;

import org.jspecify.annotations.NullMarked;
