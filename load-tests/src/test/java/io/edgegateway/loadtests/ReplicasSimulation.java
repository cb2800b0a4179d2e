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
 * Signed-in users on several replicas behind a load balancer without stickiness
 * (load-tests/replicas.sh): each user signs in once, then calls the plain, token-exchange
 * and service-account routes for the whole run, every call on whichever replica the
 * balancer picks, while replicas are stopped under it. No request may fail and no user
 * may be sent to sign in again: every replica serves every session from Redis. The mints
 * are counted at the identity provider, for the whole cluster, by the script.
 * <p>
 * {@code -Dgateway=http://127.0.0.1:9390 -Dusers=200 -Dseconds=90 -DpauseMillis=100}
 */
public class ReplicasSimulation extends Simulation {

	private final int users = LoadTarget.users(200);

	private final Duration duration = LoadTarget.duration(Duration.ofSeconds(90));

	private final Duration pause = Duration.ofMillis(Long.getLong("pauseMillis", 100));

	private final ScenarioBuilder signedInUsers = scenario("signed-in users across replicas")
		.exec(feed(GatewayFlows.users()))
		.exec(GatewayFlows.signIn())
		.exec(during(this.duration).on(exec(GatewayFlows.call("plain route", "/plain/api/data"))
			.exec(GatewayFlows.call("exchange route", "/exchange/api/data"))
			.exec(GatewayFlows.call("service-account route", "/sa/api/data"))
			.pause(this.pause)));

	{
		setUp(this.signedInUsers.injectOpen(rampUsers(this.users).during(Duration.ofSeconds(10))))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
