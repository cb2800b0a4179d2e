/**
 * The demo identity provider: a Spring Authorization Server with two demo users and the
 * {@code edge-gateway} client, startable in-process with
 * {@link io.edgegateway.idp.DemoIdentityProvider}.
 */
@NullMarked
package io.edgegateway.idp;

import org.jspecify.annotations.NullMarked;
