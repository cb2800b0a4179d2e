package io.edgegateway.loadtests;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Steady state: signed-in users (real sessions, through the login flow) call a
 * token-exchange route and a service-account route with an access rule, over and over, on
 * a warm cache. The gateway mints one exchanged token per user and one service-account
 * token, whatever the number of calls.
 * <p>
 * {@code -Dusers=100 -Dseconds=60}
 */
public class SteadySimulation extends Simulation {

	private final int users = LoadTarget.users(100);

	private final Duration duration = LoadTarget.duration(Duration.ofSeconds(60));

	private final ScenarioBuilder steady = scenario("steady").exec(feed(GatewayFlows.users()))
		.exec(GatewayFlows.signIn())
		.exec(during(this.duration).on(exec(GatewayFlows.call("exchange route", "/exchange/api/data"))
			.exec(GatewayFlows.call("service-account route", "/sa/api/data"))));

	{
		setUp(GatewayFlows.countingMints(this.steady.injectOpen(rampUsers(this.users).during(Duration.ofSeconds(10))),
				"mints: one per user and one service-account token", this.users + 1))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
