/**
 * The Edge Gateway application: composition and edge security.
 */
@NullMarked
package io.edgegateway.app;

import org.jspecify.annotations.NullMarked;
