package io.edgegateway.app.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own logging (Commons Logging) reaches Logback without rendering the messages
 * of disabled levels. Spring Security logs a formatted {@code LogMessage} at debug on
 * every request; Commons Logging's SLF4J adapter turns every message into a string before
 * Logback checks its level, so the gateway routes Commons Logging through the Log4j API
 * (META-INF/services), which checks the level first.
 */
class CommonsLoggingBridgeTests {

	private static final String CATEGORY = "io.edgegateway.app.logging.bridge";

	private final ch.qos.logback.classic.Logger logback = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(CATEGORY);

	@AfterEach
	void resetLevel() {
		this.logback.setLevel(null);
	}

	@Test
	void aDisabledDebugMessageIsNeverRendered() {
		this.logback.setLevel(Level.INFO);
		Rendering message = new Rendering();
		Log log = LogFactory.getLog(CATEGORY);
		log.debug(message);
		log.trace(message);
		assertThat(log.isDebugEnabled()).isFalse();
		assertThat(message.renderings.get()).isZero();
	}

	@Test
	void anEnabledMessageStillReachesLogback() {
		this.logback.setLevel(Level.DEBUG);
		Rendering message = new Rendering();
		LogFactory.getLog(CATEGORY).debug(message);
		assertThat(message.renderings.get()).isPositive();
	}

	private static final class Rendering {

		private final AtomicInteger renderings = new AtomicInteger();

		@Override
		public String toString() {
			this.renderings.incrementAndGet();
			return "rendered";
		}

	}

}
