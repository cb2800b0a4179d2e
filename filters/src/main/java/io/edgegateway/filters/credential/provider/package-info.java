/**
 * The way to the identity provider that the credential modes share: the client
 * registrations a route may name, the token requests (route parameters and
 * {@code private_key_jwt} client assertions) and the key files behind them.
 */
@NullMarked
package io.edgegateway.filters.credential.provider;

import org.jspecify.annotations.NullMarked;
