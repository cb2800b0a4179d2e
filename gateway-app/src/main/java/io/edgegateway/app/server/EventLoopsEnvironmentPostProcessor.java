package io.edgegateway.app.server;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives Reactor Netty one event loop per CPU the JVM may use
 * ({@code edge.server.event-loops} to choose another number), before its loops are made.
 * Reactor Netty's own default is at least four loops: in a pod of one or two CPUs they
 * take turns on the same cores, and a pooled upstream connection usually belongs to
 * another loop than the request it serves, so each request crosses threads (a task and a
 * wake-up) to reach its upstream and again to answer. A
 * {@code reactor.netty.ioWorkerCount} system property given on the command line is kept.
 */
class EventLoopsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY = "edge.server.event-loops";

	static final String REACTOR_NETTY_PROPERTY = "reactor.netty.ioWorkerCount";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Integer configured = Binder.get(environment).bind(PROPERTY, Integer.class).orElse(null);
		if (configured != null && configured < 1) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, configured,
					"at least one event loop is needed");
		}
		if (configured == null && System.getProperty(REACTOR_NETTY_PROPERTY) != null) {
			return;
		}
		int loops = (configured != null) ? configured : Runtime.getRuntime().availableProcessors();
		System.setProperty(REACTOR_NETTY_PROPERTY, Integer.toString(loops));
	}

}
