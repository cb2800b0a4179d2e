/**
 * The authorization server's configuration: the registered clients, security filter
 * chains, signing key, token claims, user info, the loopback redirect URI rule, the
 * On-Behalf-Of grant, the Google-style delegation token endpoint and the token endpoints'
 * counter and fault switches.
 */
@NullMarked
package io.edgegateway.idp.server;

import org.jspecify.annotations.NullMarked;
