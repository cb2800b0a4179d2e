package io.edgegateway.app.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Collects what a gateway in this JVM writes to one logger, as an operator's log pipeline
 * would receive it.
 */
public final class LogLines {

	private final String loggerName;

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			LogLines.this.events.add(event);
		}

	};

	/**
	 * Lines of one logger (and the loggers below it).
	 * @param loggerName the logger's name
	 */
	public LogLines(String loggerName) {
		this.loggerName = loggerName;
	}

	/**
	 * Start collecting, forgetting what was collected before.
	 */
	public void start() {
		this.events.clear();
		this.appender.start();
		logger().addAppender(this.appender);
	}

	/**
	 * Stop collecting.
	 */
	public void stop() {
		logger().detachAppender(this.appender);
		this.appender.stop();
	}

	/**
	 * The messages written since {@link #start()}.
	 * @return the formatted messages, in order
	 */
	public List<String> messages() {
		return this.events.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	/**
	 * The events written since {@link #start()} at a level.
	 * @param level the level
	 * @return the events, in order
	 */
	public List<ILoggingEvent> at(Level level) {
		return this.events.stream().filter((event) -> level.equals(event.getLevel())).toList();
	}

	private Logger logger() {
		return (Logger) LoggerFactory.getLogger(this.loggerName);
	}

}
