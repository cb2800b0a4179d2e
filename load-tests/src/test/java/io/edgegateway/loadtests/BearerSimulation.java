package io.edgegateway.loadtests;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * API clients: each gets a JWT from the identity provider (client credentials), then
 * calls a relay route with it as a bearer token. The gateway validates the JWT and relays
 * it; it mints nothing.
 * <p>
 * {@code -Dusers=50 -Dseconds=60}
 */
public class BearerSimulation extends Simulation {

	private final int clients = LoadTarget.users(50);

	private final Duration duration = LoadTarget.duration(Duration.ofSeconds(60));

	private final ScenarioBuilder apiClients = scenario("bearer")
		.exec(http("client credentials at the identity provider").post(LoadTarget.IDP + "/oauth2/token")
			.basicAuth("edge-gateway", "edge-gateway-secret")
			.formParam("grant_type", "client_credentials")
			.check(status().is(200))
			.check(jmesPath("access_token").saveAs("jwt")))
		.exec(during(this.duration).on(GatewayFlows.callWithBearer("relay route", "/relay/api/data")));

	{
		setUp(GatewayFlows.countingMints(
				this.apiClients.injectOpen(rampUsers(this.clients).during(Duration.ofSeconds(5))),
				"mints: none for relayed bearer tokens", 0))
			.protocols(GatewayFlows.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

}
