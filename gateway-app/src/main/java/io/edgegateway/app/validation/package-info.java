/**
 * The offline route validator ({@code --validate}): route files checked as the gateway
 * would apply them, without serving, without network and without secrets, for platform
 * teams' CI.
 */
@NullMarked
package io.edgegateway.app.validation;

import org.jspecify.annotations.NullMarked;
