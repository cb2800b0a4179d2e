package io.edgegateway.loadtests;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A day in the gateway's life, compressed: users arrive at a steady rate, sign in, call
 * the plain, token-exchange and service-account routes a few times, and sign out (after
 * which their session is refused). One exchanged token per user, one service-account
 * token in all.
 * <p>
 * {@code -Dusers=600 -Dseconds=60} (users arrive evenly over the seconds)
 */
public class MixedSimulation extends Simulation {

	private final int users = LoadTarget.users(600);

	private final Duration duration = LoadTarget.duration(Duration.ofSeconds(60));

	private final ScenarioBuilder mixed = scenario("mixed").exec(feed(GatewayFlows.users()))
		.exec(GatewayFlows.signIn())
		.exec(repeat(5).on(exec(GatewayFlows.call("plain route", "/plain/api/data"))
			.exec(GatewayFlows.call("exchange route", "/exchange/api/data"))
			.exec(GatewayFlows.call("service-account route", "/sa/api/data"))))
		.exec(GatewayFlows.signOut());

	{
		double perSecond = (double) this.users / this.duration.toSeconds();
		setUp(GatewayFlows.countingMints(this.mixed.injectOpen(constantUsersPerSec(perSecond).during(this.duration)),
				"mints: one per user and one service-account token", this.users + 1))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
