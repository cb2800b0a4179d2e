package io.edgegateway.app.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How many event loops Reactor Netty is given.
 */
class EventLoopsEnvironmentPostProcessorTests {

	private final EventLoopsEnvironmentPostProcessor postProcessor = new EventLoopsEnvironmentPostProcessor();

	private String before;

	@BeforeEach
	void clearSystemProperty() {
		this.before = System.clearProperty(EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY);
	}

	@AfterEach
	void restoreSystemProperty() {
		if (this.before == null) {
			System.clearProperty(EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY);
		}
		else {
			System.setProperty(EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY, this.before);
		}
	}

	@Test
	void nothingConfiguredThenOneLoopPerAvailableProcessor() {
		postProcess(new MockEnvironment());
		assertThat(loops()).isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void eventLoopsConfiguredThenThatMany() {
		System.setProperty(EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY, "8");
		postProcess(new MockEnvironment().withProperty("edge.server.event-loops", "3"));
		assertThat(loops()).isEqualTo("3");
	}

	@Test
	void reactorNettysOwnPropertyGivenThenKept() {
		System.setProperty(EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY, "6");
		postProcess(new MockEnvironment());
		assertThat(loops()).isEqualTo("6");
	}

	@Test
	void noEventLoopThenStartupFailsNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> postProcess(new MockEnvironment().withProperty("edge.server.event-loops", "0")))
			.withMessageContaining("edge.server.event-loops");
		assertThat(loops()).isNull();
	}

	private void postProcess(MockEnvironment environment) {
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
	}

	private static String loops() {
		return System.getProperty(EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY);
	}

}
