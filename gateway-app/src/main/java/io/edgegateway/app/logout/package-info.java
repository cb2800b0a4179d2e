/**
 * OpenID Connect back-channel logout: the endpoint a provider's server calls with a
 * logout token, the token's verification, and the end of the sessions it names on every
 * replica.
 */
@NullMarked
package io.edgegateway.app.logout;

import org.jspecify.annotations.NullMarked;
