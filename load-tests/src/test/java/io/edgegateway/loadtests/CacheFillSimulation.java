package io.edgegateway.loadtests;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Fills the gateway for the memory figures: each user signs in (a session in Redis) and
 * calls the five token-exchange routes once (five cached tokens), so 10,000 users leave
 * 10,000 active sessions and 50,000 cached tokens. bench-memory.sh reads the gateway's
 * heap and RSS before and after.
 * <p>
 * {@code -Dusers=10000 -Dseconds=120} (users arrive evenly over the seconds)
 */
public class CacheFillSimulation extends Simulation {

	private final int users = LoadTarget.users(10000);

	private final Duration duration = LoadTarget.duration(Duration.ofSeconds(120));

	private final AtomicLong baseline = new AtomicLong();

	private final ScenarioBuilder fill = scenario("fill").exec(feed(GatewayFlows.users()))
		.exec(GatewayFlows.signIn())
		.exec(GatewayFlows.exchangeRoutes());

	{
		setUp(GatewayFlows.readMints("mints before", this.baseline)
			.injectOpen(atOnceUsers(1))
			.andThen(this.fill.injectOpen(rampUsers(this.users).during(this.duration))
				.andThen(GatewayFlows.expectMints("mints: users x 5", this.baseline, 5L * this.users)
					.injectOpen(atOnceUsers(1)))))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
