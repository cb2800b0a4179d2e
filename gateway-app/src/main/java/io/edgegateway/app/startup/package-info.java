/**
 * The configuration checked before anything starts, every problem reported at once.
 */
@NullMarked
package io.edgegateway.app.startup;

import org.jspecify.annotations.NullMarked;
