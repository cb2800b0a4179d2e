package io.edgegateway.app.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.jspecify.annotations.Nullable;

/**
 * Hands a request's log events (its access log line, its audit event) to one writer
 * thread through a bounded queue, so that a slow log output (a full pipe, a slow disk)
 * never holds up the event loop. When the queue is full the event is dropped, never
 * waited for, and counted: the writer reports how many were dropped, as a {@code WARN}
 * line on the same output, at most once per second, and {@link #dropped()} gives the
 * total to the metrics. Nothing is dropped silently.
 */
final class AsyncEventAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	/**
	 * How long the writer lets events gather while they keep coming.
	 */
	private static final long BATCH_INTERVAL_MILLIS = 10;

	private final BlockingQueue<ILoggingEvent> queue;

	private final List<Appender<ILoggingEvent>> outputs;

	private final Logger reportingLogger;

	private final AtomicLong dropped = new AtomicLong();

	private long reported;

	private long lastReport;

	private @Nullable Thread writer;

	/**
	 * Create the appender.
	 * @param capacity how many events may wait for the writer
	 * @param outputs where the events are written (the root logger's appenders)
	 * @param reportingLogger the logger whose name the drop reports carry
	 */
	AsyncEventAppender(int capacity, List<Appender<ILoggingEvent>> outputs, Logger reportingLogger) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.outputs = List.copyOf(outputs);
		this.reportingLogger = reportingLogger;
		setName("EDGE_ASYNC_EVENTS");
	}

	/**
	 * How many events were dropped because the queue was full.
	 * @return the total since start
	 */
	long dropped() {
		return this.dropped.get();
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::write, "edge-event-log");
		thread.setDaemon(true);
		this.writer = thread;
		this.lastReport = System.nanoTime() - REPORT_INTERVAL_NANOS;
		super.start();
		thread.start();
	}

	@Override
	protected void append(ILoggingEvent event) {
		event.prepareForDeferredProcessing();
		if (!this.queue.offer(event)) {
			this.dropped.incrementAndGet();
		}
	}

	/**
	 * Writes what has queued up, in batches. Under load the writer sleeps between batches
	 * instead of waiting on the queue: a thread waiting on the queue is woken by every
	 * event (a system call on the event loop, per event), a sleeping one by none. Once a
	 * sleep brought nothing, it waits on the queue again, so an idle gateway does not
	 * wake up every few milliseconds.
	 */
	private void write() {
		List<ILoggingEvent> batch = new ArrayList<>();
		while (isStarted()) {
			try {
				if (this.queue.drainTo(batch) > 0) {
					batch.forEach(this::output);
					batch.clear();
					reportDrops(false);
					Thread.sleep(BATCH_INTERVAL_MILLIS);
					continue;
				}
				ILoggingEvent first = this.queue.poll(REPORT_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
				if (first != null) {
					output(first);
				}
				reportDrops(false);
			}
			catch (InterruptedException ex) {
				break;
			}
		}
	}

	private void output(ILoggingEvent event) {
		for (Appender<ILoggingEvent> output : this.outputs) {
			output.doAppend(event);
		}
	}

	private void reportDrops(boolean now) {
		long total = this.dropped.get();
		long time = System.nanoTime();
		if (total == this.reported || (!now && time - this.lastReport < REPORT_INTERVAL_NANOS)) {
			return;
		}
		output(new LoggingEvent(getClass().getName(), this.reportingLogger, Level.WARN,
				"%d access log lines and audit events were dropped since the last report (%d in all): the log output could not keep up"
					.formatted(total - this.reported, total),
				null, null));
		this.reported = total;
		this.lastReport = time;
	}

	/**
	 * Stop taking events and write those still queued.
	 */
	@Override
	public void stop() {
		super.stop();
		Thread thread = this.writer;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<ILoggingEvent> rest = new ArrayList<>();
		this.queue.drainTo(rest);
		rest.forEach(this::output);
		reportDrops(true);
	}

}
