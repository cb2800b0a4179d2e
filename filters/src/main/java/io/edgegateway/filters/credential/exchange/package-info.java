/**
 * RFC 8693 token exchange: the user's token traded for one meant for the upstream.
 */
@NullMarked
package io.edgegateway.filters.credential.exchange;

import org.jspecify.annotations.NullMarked;
