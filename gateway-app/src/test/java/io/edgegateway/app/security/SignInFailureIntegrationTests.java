package io.edgegateway.app.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.edgegateway.app.session.UserSession;
import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.LogLines;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import io.edgegateway.idp.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins over real connections, against the real demo identity provider: a wrong
 * client secret, a refused scope, a user who declined, a stale callback, a provider gone
 * during the code exchange. Each ends on a page (navigation) or a problem (script) that
 * says what failed, never in a redirect loop; each is logged once, counted and audited. A
 * sign-in and a logout are audited too.
 */
class SignInFailureIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCRIPT_ACCEPT = "application/json";

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	private static GatewayInstance wrongSecret;

	private static GatewayInstance unknownScope;

	private final TestBrowser browser = new TestBrowser();

	private final AuditEvents audit = new AuditEvents();

	private final LogLines warnings = new LogLines(SignInFailureHandler.class.getName());

	@BeforeAll
	static void startGateways() {
		idp = TestServers.idp();
		String upstream = TestServers.upstream().uri().toString();
		gateway = GatewayInstance.start(idp.issuer(), upstream,
				GatewayInstance.redisSessions(GatewayInstance.newNamespace()));
		wrongSecret = GatewayInstance.start(idp.issuer(), upstream,
				Map.of("spring.security.oauth2.client.registration.idp.client-secret", "not-the-secret"));
		unknownScope = GatewayInstance.start(idp.issuer(), upstream,
				Map.of("spring.security.oauth2.client.registration.idp.scope", "openid,profile,email,payroll.admin"));
	}

	@AfterAll
	static void stopGateways() {
		gateway.close();
		wrongSecret.close();
		unknownScope.close();
	}

	@BeforeEach
	void startCollecting() {
		this.audit.start();
		this.warnings.start();
	}

	@AfterEach
	void stopCollecting() {
		this.audit.stop();
		this.warnings.stop();
	}

	@Test
	void wrongClientSecretThenOnePageSayingSoNoLoopOneWarningCountedAndAudited() {
		double failuresBefore = wrongSecret.count("edge.login.failures", "registration:idp", "error:invalid_client");
		int authorizationsBefore = idp.authorizationRequests();
		HttpResponse<String> loginPage = this.browser.follow(this.browser.navigate(wrongSecret.url() + "/orders/7"));

		HttpResponse<String> landed = this.browser.submitLogin(loginPage, "alice", "alice-password");

		assertThat(landed.statusCode()).isEqualTo(502);
		assertThat(landed.uri().getPath()).isEqualTo("/login/oauth2/code/idp");
		assertThat(landed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(landed.body())
			.contains("the identity provider refused the gateway&#39;s client credentials (invalid_client)")
			.contains("href=\"/auth/login?provider=idp&amp;redirect=/orders/7\"")
			.doesNotContain("not-the-secret")
			.doesNotContain(TestBrowser.query(landed.uri()).get("code"))
			.doesNotContain(TestBrowser.query(landed.uri()).get("state"));
		// the sign-in's own two: the gateway's redirect, and the login form's return
		assertThat(idp.authorizationRequests() - authorizationsBefore).isEqualTo(2);
		String requestId = landed.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(this.warnings.at(Level.WARN)).singleElement().satisfies((warning) -> {
			assertThat(warning.getFormattedMessage()).contains("request_id=" + requestId, "registration=idp",
					"error=invalid_client");
			assertThat(warning.getThrowableProxy()).isNull();
		});
		assertThat(
				wrongSecret.count("edge.login.failures", "registration:idp", "error:invalid_client") - failuresBefore)
			.isEqualTo(1.0);
		assertThat(this.audit.ofType("login_failed", "request_id", requestId, 1)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("registration", "idp")
				.containsEntry("error", "invalid_client")
				.containsEntry("client_address", "127.0.0.1")
				.containsKey("time"));
	}

	@Test
	void tryAgainAfterAFailureThenAFreshSignInThatEndsOnThePageAgainNotInALoop() {
		HttpResponse<String> failed = this.browser.submitLogin(
				this.browser.follow(this.browser.navigate(wrongSecret.url() + "/orders/7")), "bob", "bob-password");
		int authorizationsBefore = idp.authorizationRequests();

		// signed in at the provider now: the retry goes straight back with a new code
		HttpResponse<String> again = this.browser.follow(this.browser.navigate(wrongSecret.url()
				+ "/auth/login?provider=idp&redirect=" + URLEncoder.encode("/orders/7", StandardCharsets.UTF_8)));

		assertThat(failed.statusCode()).isEqualTo(502);
		assertThat(again.statusCode()).isEqualTo(502);
		assertThat(idp.authorizationRequests() - authorizationsBefore).isEqualTo(1);
	}

	@Test
	void refusedScopeThenPageNamingInvalidScopeWithoutSigningIn() {
		int authorizationsBefore = idp.authorizationRequests();

		HttpResponse<String> landed = this.browser.follow(this.browser.navigate(unknownScope.url() + "/"));

		assertThat(landed.statusCode()).isEqualTo(502);
		assertThat(landed.body())
			.contains("the identity provider refused the scopes the gateway asked for (invalid_scope)");
		assertThat(idp.authorizationRequests() - authorizationsBefore).isEqualTo(1);
		assertThat(unknownScope.count("edge.login.failures", "registration:idp", "error:invalid_scope")).isPositive();
	}

	@Test
	void providerSendsAccessDeniedThenPageSaysDeclinedWithTheProvidersWordsEscaped() {
		String state = startSignIn("/reports");

		HttpResponse<String> landed = this.browser
			.navigate(gateway.url() + "/login/oauth2/code/idp?error=access_denied" + "&error_description="
					+ URLEncoder.encode("<b>No</b>\r\nFAKE LOG LINE", StandardCharsets.UTF_8) + "&state=" + state);

		assertThat(landed.statusCode()).isEqualTo(401);
		assertThat(landed.body()).contains("the sign-in was declined at the identity provider (access_denied)")
			.contains("&lt;b&gt;No&lt;/b&gt;FAKE LOG LINE")
			.doesNotContain("<b>No</b>")
			.doesNotContain(state)
			.contains("href=\"/auth/login?provider=idp&amp;redirect=/reports\"");
		assertThat(this.warnings.messages()).singleElement()
			.asString()
			.contains("error=access_denied")
			.contains("<b>No</b>FAKE LOG LINE")
			.doesNotContain("\n")
			.doesNotContain("\r");
	}

	@Test
	void providerSendsAccessDeniedToAScriptThenProblemWithTheProvidersError() {
		String state = startSignIn("/reports");

		HttpResponse<String> answer = this.browser
			.get(gateway.url() + "/login/oauth2/code/idp?error=access_denied&state=" + state, "Accept", SCRIPT_ACCEPT);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"edge-gateway\"");
		Map<String, Object> problem = problem(answer);
		assertThat(problem).containsEntry("type", "urn:edge-gateway:problem:sign-in-failed")
			.containsEntry("title", "Sign-in failed")
			.containsEntry("status", 401)
			.containsEntry("error", "access_denied")
			.containsEntry("registration", "idp")
			.containsEntry("login", "/auth/login?provider=idp&redirect=/reports")
			.containsEntry("requestId", answer.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat((String) problem.get("detail")).contains("declined");
		assertThat(answer.body()).doesNotContain(state);
	}

	@Test
	void callbackWithAnUnknownStateThenPageNotALoop() {
		HttpResponse<String> landed = this.browser.follow(
				this.browser.navigate(gateway.url() + "/login/oauth2/code/idp?code=a-stolen-code&state=stale-state"));

		assertThat(landed.statusCode()).isEqualTo(401);
		assertThat(landed.uri().getPath()).isEqualTo("/login/oauth2/code/idp");
		assertThat(landed.body()).contains("(authorization_request_not_found)")
			.contains("Try again")
			.doesNotContain("a-stolen-code")
			.doesNotContain("stale-state");
	}

	@Test
	void callbackWithAnUnknownStateFromAScriptThenProblem() {
		HttpResponse<String> answer = this.browser.get(
				gateway.url() + "/login/oauth2/code/idp?code=a-stolen-code&state=stale-state", "Accept", SCRIPT_ACCEPT);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(problem(answer)).containsEntry("error", "authorization_request_not_found")
			.containsEntry("login", "/auth/login?provider=idp");
		assertThat(answer.body()).doesNotContain("a-stolen-code").doesNotContain("stale-state");
	}

	@Test
	void providerGoneDuringTheCodeExchangeThen503PageNot500() {
		try (DemoIdentityProvider leaving = DemoIdentityProvider.builder().port(0).start();
				GatewayInstance leavingsGateway = GatewayInstance.start(leaving.issuer(),
						TestServers.upstream().uri().toString(), Map.of())) {
			HttpResponse<String> loginPage = this.browser.follow(this.browser.navigate(leavingsGateway.url() + "/"));
			HttpResponse<String> resumed = this.browser
				.navigate(TestBrowser.location(this.browser.submitLoginForm(loginPage, "alice", "alice-password"))
					.toString());
			URI callback = TestBrowser.location(resumed);
			assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/idp");
			leaving.close();

			HttpResponse<String> landed = this.browser.navigate(callback.toString());

			assertThat(landed.statusCode()).isEqualTo(503);
			assertThat(landed.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(landed.body()).contains("the identity provider could not be reached (idp_unavailable)");
			assertThat(leavingsGateway.count("edge.login.failures", "registration:idp", "error:idp_unavailable"))
				.isEqualTo(1.0);
		}
	}

	@Test
	void signInAndLogoutThenLoginAndLogoutAuditEventsNamingTheListedSession() {
		String user = "load-" + ThreadLocalRandom.current().nextInt(1, 100_000);
		double loginsBefore = gateway.count("edge.logins", "registration:idp", "outcome:success");
		HttpResponse<String> landed = this.browser.signIn(gateway.url() + "/", user, DemoUsers.LOAD_USER_PASSWORD);
		assertThat(landed.statusCode()).isEqualTo(200);
		String handle = UserSession.handle(this.browser.cookie("EDGE_SESSION").orElseThrow());

		assertThat(this.audit.ofType("login", user, 1)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("issuer", idp.issuer())
				.containsEntry("registration", "idp")
				.containsEntry("session", handle)
				.containsEntry("client_address", "127.0.0.1")
				.containsKey("request_id"));
		assertThat(gateway.count("edge.logins", "registration:idp", "outcome:success") - loginsBefore).isEqualTo(1.0);

		HttpResponse<String> logout = this.browser.post(gateway.url() + "/logout", "", "X-XSRF-TOKEN",
				this.browser.cookie("XSRF-TOKEN").orElseThrow());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(this.audit.ofType("logout", user, 1)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("issuer", idp.issuer())
				.containsEntry("session", handle)
				.containsEntry("kind", "rp_initiated")
				.containsEntry("request_id", logout.headers().firstValue("X-Request-Id").orElseThrow()));
	}

	/**
	 * Start a sign-in on the gateway as a navigation to a page would, and stop before the
	 * provider.
	 * @return the sign-in's {@code state}
	 */
	private String startSignIn(String page) {
		HttpResponse<String> start = this.browser.navigate(gateway.url() + page);
		HttpResponse<String> authorize = this.browser.navigate(TestBrowser.location(start).toString());
		return TestBrowser.query(TestBrowser.location(authorize)).get("state");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(HttpResponse<String> answer) {
		return JSON.readValue(answer.body(), Map.class);
	}

}
