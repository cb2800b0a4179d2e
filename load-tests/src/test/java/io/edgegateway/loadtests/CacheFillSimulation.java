package io.edgegateway.loadtests;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

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

	private final ScenarioBuilder fill = scenario("fill").exec(feed(GatewayFlows.users()))
		.exec(GatewayFlows.signIn())
		.exec(GatewayFlows.exchangeRoutes());

	{
		setUp(GatewayFlows.countingMints(this.fill.injectOpen(rampUsers(this.users).during(this.duration)),
				"mints: users x 5", 5L * this.users))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
