/**
 * Route files: every team's YAML file in a directory, validated file by file and reloaded
 * when it changes.
 */
@NullMarked
package io.edgegateway.routes.file;

import org.jspecify.annotations.NullMarked;
