package io.edgegateway.loadtests;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Past saturation: more clients than the gateway serves at once
 * ({@code edge.security.max-concurrent-requests}, 1,024 by default), each on its own
 * keep-alive connection, calling again as soon as it has an answer; half on a signed-in
 * session, half with a bearer token. Every answer must be {@code 200} or {@code 503}
 * (Gatling fails any other), and the gateway's own count ({@code http.server.requests})
 * must show no {@code 500}; the {@code 503}s it shed are printed. A gateway whose one
 * core is saturated reads requests only as fast as it serves them, so requests wait in
 * the socket, not in the gateway, and few or none are shed: the limit sheds when requests
 * wait on something slower than the gateway (an upstream, the identity provider, Redis).
 * <p>
 * {@code -Dusers=2000 -Dseconds=30}; the session and the token come from
 * {@code load-tests/gatling.sh} ({@code EDGE_LOAD_SESSION}, {@code EDGE_LOAD_JWT}).
 */
public class OverloadSimulation extends Simulation {

	private static final Duration RAMP = Duration.ofSeconds(10);

	private static final Pattern COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");

	private final int clients = LoadTarget.users(2000);

	private final Duration duration = LoadTarget.duration(Duration.ofSeconds(30));

	private final String session = required("EDGE_LOAD_SESSION");

	private final String jwt = required("EDGE_LOAD_JWT");

	private final ScenarioBuilder sessions = scenario("session route past saturation")
		.exec(addCookie(Cookie("EDGE_SESSION", this.session).withDomain("127.0.0.1")))
		.exec(during(this.duration).on(exec(http("plain").get("/plain/api/data").check(status().in(200, 503)))));

	private final ScenarioBuilder bearers = scenario("bearer route past saturation")
		.exec(during(this.duration).on(exec(http("relay").get("/relay/api/data")
			.header("Authorization", "Bearer " + this.jwt)
			.check(status().in(200, 503)))));

	{
		AtomicLong shedBefore = new AtomicLong();
		AtomicLong failedBefore = new AtomicLong();
		ScenarioBuilder before = scenario("answers before")
			.exec(answers("503 before", 503).check(bodyString().saveAs("shed")))
			.exec(answers("500 before", 500).check(bodyString().saveAs("failed")))
			.exec((state) -> {
				shedBefore.set(count(state.getString("shed")));
				failedBefore.set(count(state.getString("failed")));
				return state;
			});
		ScenarioBuilder after = scenario("answers after")
			.exec(answers("503 after", 503).check(bodyString().saveAs("shed")))
			.exec(answers("no 500", 500)
				.check(bodyString().transform((body) -> count(body) - failedBefore.get()).is(0L)))
			.exec((state) -> {
				System.out.printf("Overload: the gateway answered %d requests 503 (shed) and none 500%n",
						count(state.getString("shed")) - shedBefore.get());
				return state;
			});
		setUp(before.injectOpen(atOnceUsers(1))
			.andThen(this.sessions.injectOpen(rampUsers(this.clients / 2).during(RAMP)),
					this.bearers.injectOpen(rampUsers(this.clients / 2).during(RAMP)),
					after.injectOpen(nothingFor(this.duration.plus(RAMP).plusSeconds(15)), atOnceUsers(1))))
			.protocols(http.baseUrl(LoadTarget.GATEWAY).acceptHeader("application/json"))
			.assertions(global().failedRequests().count().is(0L));
	}

	private static HttpRequestActionBuilder answers(String name, int status) {
		return http(name).get(LoadTarget.MANAGEMENT + "/actuator/metrics/http.server.requests?tag=status:" + status)
			.check(status().in(200, 404));
	}

	private static long count(String actuatorBody) {
		Matcher count = COUNT.matcher(actuatorBody);
		return count.find() ? Math.round(Double.parseDouble(count.group(1))) : 0;
	}

	private static String required(String variable) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set: run the simulation with load-tests/gatling.sh");
		}
		return value;
	}

}
