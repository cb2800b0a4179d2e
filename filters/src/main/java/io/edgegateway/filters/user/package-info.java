/**
 * The signed-in user: resolved once per request into one {@link SignedInUser} (the
 * authentication, the identity claims, session or bearer) that every filter reads, and
 * the user's own tokens (the one place that tells a session user from a bearer user).
 */
@NullMarked
package io.edgegateway.filters.user;

import org.jspecify.annotations.NullMarked;
