/**
 * The authorization server's configuration: the registered client, security filter
 * chains, signing key, token claims, user info and the loopback redirect URI rule.
 */
@NullMarked
package io.edgegateway.idp.server;

import org.jspecify.annotations.NullMarked;
