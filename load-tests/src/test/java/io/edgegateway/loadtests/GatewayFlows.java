package io.edgegateway.loadtests;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What the simulations do with the gateway: sign in through the real login flow, call
 * routes, sign out, and read the gateway's mint counter before and after the load.
 */
final class GatewayFlows {

	static final String PASSWORD = "load-password";

	private GatewayFlows() {
	}

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(LoadTarget.GATEWAY)
			.acceptHeader("application/json")
			.shareConnections()
			.warmUp(LoadTarget.GATEWAY + "/livez");
	}

	/**
	 * Load-test users {@code load-<first>}, {@code load-<first+1>}, ... one per virtual
	 * user.
	 */
	static Iterator<Map<String, Object>> users() {
		AtomicInteger next = new AtomicInteger(LoadTarget.firstUser());
		return Stream.generate(() -> Map.<String, Object>of("username", "load-" + next.getAndIncrement())).iterator();
	}

	/**
	 * A browser's sign-in: a navigation is sent to the identity provider's login page,
	 * the form is submitted, and the redirects end back on the page, with the session
	 * cookie set.
	 */
	static ChainBuilder signIn() {
		return exec(http("sign in: navigate").get("/plain/")
			.header("Accept", "text/html")
			.check(css("input[name='_csrf']", "value").saveAs("loginCsrf")))
			.exec(http("sign in: submit").post(LoadTarget.IDP + "/login")
				.header("Accept", "text/html")
				.formParam("username", "#{username}")
				.formParam("password", PASSWORD)
				.formParam("_csrf", "#{loginCsrf}")
				.check(status().is(200)));
	}

	static ChainBuilder call(String name, String path) {
		return exec(http(name).get(path).check(status().is(200)));
	}

	/**
	 * One call to each of the five token-exchange routes (five audiences: five tokens per
	 * user).
	 */
	static ChainBuilder exchangeRoutes() {
		ChainBuilder chain = call("exchange route 1", "/exchange/api/data");
		for (int route = 2; route <= 5; route++) {
			chain = chain.exec(call("exchange route " + route, "/exchange-" + route + "/api/data"));
		}
		return chain;
	}

	static ChainBuilder callWithBearer(String name, String path) {
		return exec(http(name).get(path).header("Authorization", "Bearer #{jwt}").check(status().is(200)));
	}

	/**
	 * Sign out as a single-page application does: the CSRF token from the
	 * {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header; afterwards the
	 * session is gone.
	 */
	static ChainBuilder signOut() {
		return exec(http("me").get("/auth/me").check(status().is(200)))
			.exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
			.exec(http("sign out").post("/logout")
				.header("X-XSRF-TOKEN", "#{xsrf}")
				.disableFollowRedirect()
				.check(status().in(200, 204, 302)))
			.exec(http("me after sign-out").get("/auth/me").check(status().is(401)));
	}

	private static final Pattern MINT_COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");

	/**
	 * The count of the metric {@code edge.token.mints} in the actuator's answer; the
	 * metric is absent (404, empty body) until the first mint.
	 */
	static long mintCount(String actuatorBody) {
		Matcher count = MINT_COUNT.matcher(actuatorBody);
		return count.find() ? Math.round(Double.parseDouble(count.group(1))) : 0;
	}

	private static HttpRequestActionBuilder mintMetric(String name) {
		return http(name).get(LoadTarget.MANAGEMENT + "/actuator/metrics/edge.token.mints?tag=outcome:success")
			.check(status().in(200, 404));
	}

	/**
	 * The load, between two readings of the gateway's count of successful mints: one
	 * before it starts, and one after it ends that fails (in Gatling's report, and
	 * through the run's assertions) unless exactly the expected number of tokens was
	 * minted.
	 * @param load the scenario and its injection
	 * @param expectation what the second reading checks, as the report names it
	 * @param expectedMints the distinct keys the load needs
	 * @return the populations, in order
	 */
	static PopulationBuilder countingMints(PopulationBuilder load, String expectation, long expectedMints) {
		AtomicLong baseline = new AtomicLong();
		ScenarioBuilder before = scenario("mints before")
			.exec(mintMetric("mints before").check(bodyString().saveAs("mintMetric")))
			.exec((session) -> {
				baseline.set(mintCount(session.getString("mintMetric")));
				return session;
			});
		ScenarioBuilder after = scenario(expectation).exec(mintMetric(expectation)
			.check(bodyString().transform((body) -> mintCount(body) - baseline.get()).is(expectedMints)));
		return before.injectOpen(atOnceUsers(1)).andThen(load.andThen(after.injectOpen(atOnceUsers(1))));
	}

}
