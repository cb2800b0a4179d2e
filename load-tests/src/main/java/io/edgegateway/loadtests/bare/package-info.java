/**
 * A bare Spring Cloud Gateway, the benchmark's baseline.
 */
package io.edgegateway.loadtests.bare;
