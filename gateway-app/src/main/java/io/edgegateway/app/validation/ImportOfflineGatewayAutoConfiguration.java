package io.edgegateway.app.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the auto-configurations the offline validator builds routes with, listed in
 * {@code META-INF/spring/io.edgegateway.app.validation.ImportOfflineGatewayAutoConfiguration.imports}
 * as Spring Boot's test slices list theirs: Spring Cloud Gateway's factories and the
 * filters module's, and nothing that serves, stores or calls out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration
@interface ImportOfflineGatewayAutoConfiguration {

}
