package io.edgegateway.app.logging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.edgegateway.filters.audit.LoggingAuditEventWriter;
import io.edgegateway.filters.request.AccessLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Routes the per-request loggers (the access log {@code io.edgegateway.access} and the
 * audit events {@code io.edgegateway.audit}) through one {@link AsyncEventAppender} to
 * wherever the root logger writes (the console, a file, structured or not, as Spring
 * Boot's logging configured it). A logger the operator gave appenders of its own is left
 * as it is. Off when Logback is not the logging system.
 */
final class AsyncEventLogging implements InitializingBean, DisposableBean {

	static final List<String> LOGGERS = List.of(AccessLog.LOGGER, LoggingAuditEventWriter.LOGGER);

	private final int queueSize;

	private final ObjectProvider<MeterRegistry> meters;

	private @Nullable AsyncEventAppender appender;

	private final List<Logger> routed = new ArrayList<>();

	AsyncEventLogging(int queueSize, ObjectProvider<MeterRegistry> meters) {
		this.queueSize = queueSize;
		this.meters = meters;
	}

	@Override
	public void afterPropertiesSet() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		List<Appender<ILoggingEvent>> outputs = new ArrayList<>();
		for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
			outputs.add(appenders.next());
		}
		if (outputs.isEmpty()) {
			return;
		}
		AsyncEventAppender appender = new AsyncEventAppender(this.queueSize, outputs,
				context.getLogger(LOGGERS.get(0)));
		appender.setContext(context);
		appender.start();
		for (String name : LOGGERS) {
			Logger logger = context.getLogger(name);
			if (!logger.iteratorForAppenders().hasNext() && logger.isAdditive()) {
				logger.addAppender(appender);
				logger.setAdditive(false);
				this.routed.add(logger);
			}
		}
		this.appender = appender;
		this.meters.ifAvailable(
				(registry) -> FunctionCounter.builder("edge.log.events.dropped", appender, AsyncEventAppender::dropped)
					.description("Access log lines and audit events dropped because the log output could not keep up")
					.register(registry));
	}

	@Override
	public void destroy() {
		AsyncEventAppender appender = this.appender;
		if (appender == null) {
			return;
		}
		for (Logger logger : this.routed) {
			logger.setAdditive(true);
			logger.detachAppender(appender);
		}
		this.routed.clear();
		appender.stop();
		this.appender = null;
	}

}
