/**
 * Service accounts: client credentials, the upstream sees the gateway and the user
 * travels in headers.
 */
@NullMarked
package io.edgegateway.filters.credential.serviceaccount;

import org.jspecify.annotations.NullMarked;
