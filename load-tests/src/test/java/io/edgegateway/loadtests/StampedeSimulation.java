package io.edgegateway.loadtests;

import java.time.Duration;
import java.time.Instant;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Cold start: the users sign in, wait for one common instant, then all call the
 * service-account route at once: one key, cold, so the identity provider must see one
 * mint. Then each user calls five token-exchange routes (five audiences) twice: the mints
 * must equal the distinct keys, users × 5.
 * <p>
 * {@code -Dusers=1000} (the stack must be fresh: stack.sh start empties the caches)
 */
public class StampedeSimulation extends Simulation {

	private final int users = LoadTarget.users(1000);

	private final Duration signInWindow = Duration.ofSeconds(Math.max(20, this.users / 20));

	private volatile Instant stampedeAt;

	private final ScenarioBuilder stampede = scenario("stampede").exec(feed(GatewayFlows.users()))
		.exec(GatewayFlows.signIn())
		.exec(pause((session) -> Duration.between(Instant.now(), this.stampedeAt).isNegative() ? Duration.ZERO
				: Duration.between(Instant.now(), this.stampedeAt)))
		.exec(GatewayFlows.call("cold service-account route, all at once", "/sa/api/data"))
		.exec(repeat(2).on(GatewayFlows.exchangeRoutes()));

	{
		setUp(GatewayFlows.countingMints(this.stampede.injectOpen(rampUsers(this.users).during(this.signInWindow)),
				"mints: 1 service-account + users x 5 exchanged", 1 + 5L * this.users))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		// Every user has signed in by then (the sign-in window plus a margin for slow
		// sign-ins).
		this.stampedeAt = Instant.now().plus(this.signInWindow).plusSeconds(15);
	}

}
