/**
 * Token caches: in-process (L1) and Redis (L2, encrypted), behind one interface.
 */
@NullMarked
package io.edgegateway.filters.token.cache;

import org.jspecify.annotations.NullMarked;
