/**
 * Edge security: browser login (OIDC with PKCE), bearer clients, CSRF, logout, trusted
 * proxies.
 */
@NullMarked
package io.edgegateway.app.security;

import org.jspecify.annotations.NullMarked;
