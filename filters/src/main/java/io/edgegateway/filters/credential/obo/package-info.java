/**
 * Microsoft Entra On-Behalf-Of: the jwt-bearer grant with
 * requested_token_use=on_behalf_of.
 */
@NullMarked
package io.edgegateway.filters.credential.obo;

import org.jspecify.annotations.NullMarked;
