package io.edgegateway.app.logging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Log events leave the request thread at once, reach the output in order on the writer's
 * thread, and when the output cannot keep up they are dropped, counted and reported,
 * never waited for.
 */
class AsyncEventAppenderTests {

	private final LoggerContext context = new LoggerContext();

	private final Logger audit = this.context.getLogger("io.edgegateway.audit");

	private final Output output = new Output();

	private AsyncEventAppender appender;

	@AfterEach
	void stop() {
		this.output.release.countDown();
		this.appender.stop();
	}

	@Test
	void eventsAreWrittenInOrderByTheWriterThread() {
		start(100);
		this.output.release.countDown();
		for (int i = 0; i < 50; i++) {
			this.audit.info("event {}", i);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.output.messages.size() == 50);
		assertThat(this.output.messages).startsWith("event 0", "event 1").endsWith("event 49");
		assertThat(this.output.threads).containsOnly("edge-event-log");
		assertThat(this.appender.dropped()).isZero();
	}

	@Test
	void outputThatCannotKeepUpThenEventsAreDroppedCountedAndReportedWithoutBlocking() throws Exception {
		start(4);
		this.audit.info("first");
		assertThat(this.output.writing.await(5, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			this.audit.info("waiting {}", i);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(this.appender.dropped()).isEqualTo(16);
		this.output.release.countDown();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.output.messages).contains("first", "waiting 0", "waiting 3")
				.doesNotContain("waiting 4")
				.anySatisfy((message) -> assertThat(message).startsWith(
						"16 access log lines and audit events were dropped since the last report (16 in all)")));
	}

	private void start(int capacity) {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.output.setContext(this.context);
		this.output.start();
		this.appender = new AsyncEventAppender(capacity, List.of(this.output), this.audit);
		this.appender.setContext(this.context);
		this.appender.start();
		this.audit.addAppender(this.appender);
		this.audit.setAdditive(false);
	}

	/**
	 * An output that records what it wrote and on which thread, and holds the writer on
	 * its first event until released.
	 */
	private static final class Output extends AppenderBase<ILoggingEvent> {

		final List<String> messages = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		final CountDownLatch writing = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		protected void append(ILoggingEvent event) {
			this.writing.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.messages.add(event.getFormattedMessage());
			this.threads.add(Thread.currentThread().getName());
		}

	}

}
