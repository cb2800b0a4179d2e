package io.edgegateway.app.logging;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access log and audit events off the request thread ({@code edge.logging.async.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
@ConditionalOnBooleanProperty(name = "edge.logging.async.enabled", matchIfMissing = true)
class AsyncEventLoggingConfiguration {

	@Bean
	AsyncEventLogging asyncEventLogging(AsyncLoggingProperties properties, ObjectProvider<MeterRegistry> meters) {
		return new AsyncEventLogging(properties.getQueueSize(), meters);
	}

}
