package io.edgegateway.app.credential;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.AuditEvents;
import io.edgegateway.app.support.CredentialsFixture;
import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code StepUp} routes against the real authorization server, which honours
 * {@code acr_values} and {@code max_age} by signing the user in again: a browser user is
 * sent to sign in again and comes back to the route, a script learns the login URL, a
 * bearer client what its token lacks (RFC 9470), and a provider that cannot deliver ends
 * in {@code 403}, not a redirect loop.
 */
class StepUpIntegrationTests {

	@TempDir
	static Path keys;

	private static CredentialsFixture fixture;

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	private final TestBrowser browser = new TestBrowser();

	private final AuditEvents audit = new AuditEvents();

	@BeforeAll
	static void start() {
		fixture = CredentialsFixture.start(keys);
		idp = fixture.idp();
		gateway = fixture.startGateway(Map.of());
	}

	@AfterAll
	static void stop() {
		gateway.close();
		fixture.close();
	}

	@BeforeEach
	void signIn() {
		this.browser.signIn(gateway.url() + "/", "alice", "alice-password");
		this.audit.start();
	}

	@AfterEach
	void stopAudit() {
		this.audit.stop();
	}

	@Test
	void multiFactorRouteThenSignInAgainWithAcrValuesBackOnThePageAndTheOnBehalfOfTokenReachesTheUpstream() {
		HttpResponse<String> stepUp = this.browser.navigate(gateway.url() + "/ledger-mfa/2026");
		assertThat(stepUp.statusCode()).isEqualTo(302);
		assertThat(TestBrowser.location(stepUp))
			.hasToString(gateway.url() + "/oauth2/authorization/idp?acr_values=mfa");
		HttpResponse<String> authorize = this.browser.navigate(TestBrowser.location(stepUp).toString());
		assertThat(TestBrowser.query(TestBrowser.location(authorize))).containsEntry("acr_values", "mfa");
		HttpResponse<String> loginPage = this.browser.follow(authorize);
		assertThat(loginPage.body()).contains("password");
		HttpResponse<String> page = this.browser.submitLogin(loginPage, "alice", "alice-password");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/ledger-mfa/2026");
		Echo echo = Echo.of(this.browser.get(gateway.url() + "/ledger-mfa/2026", "Accept", "application/json"));
		Jwt token = NimbusJwtDecoder.withJwkSetUri(idp.issuer() + "/oauth2/jwks").build().decode(echo.bearerToken());
		assertThat(token.getSubject()).isEqualTo("alice");
		assertThat(token.getClaimAsString("scp")).contains("api://finance/.default");
	}

	@Test
	void multiFactorRouteFromAScriptThen401WithTheLoginUrlAndTheSessionKept() {
		HttpResponse<String> response = this.browser.get(gateway.url() + "/ledger-mfa/2026", "Accept",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"edge-gateway\"");
		assertThat(response.body()).contains("\"login\":\"/auth/login?acr_values=mfa\"");
		assertThat(this.browser.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
			.isEqualTo(200);
	}

	@Test
	void signInOlderThanMaxAgeThenSignInAgainWithMaxAge() throws InterruptedException {
		assertThat(this.browser.get(gateway.url() + "/fresh/x", "Accept", "application/json").statusCode())
			.isEqualTo(200);
		Thread.sleep(2_500);
		HttpResponse<String> stepUp = this.browser.navigate(gateway.url() + "/fresh/x");
		assertThat(TestBrowser.location(stepUp)).hasToString(gateway.url() + "/oauth2/authorization/idp?max_age=2");
		HttpResponse<String> page = this.browser.submitLogin(this.browser.follow(stepUp), "alice", "alice-password");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/fresh/x");
	}

	@Test
	void providerCannotDeliverTheLevelThen403AfterOneRoundTripNeverALoop() {
		HttpResponse<String> stepUp = this.browser.navigate(gateway.url() + "/platinum/x");
		assertThat(stepUp.statusCode()).isEqualTo(302);
		HttpResponse<String> end = this.browser.follow(stepUp);
		assertThat(end.statusCode()).isEqualTo(403);
		assertThat(end.body()).contains("\"error\":\"insufficient_user_authentication\"")
			.contains("\"route\":\"platinum\"")
			.contains("did not provide it");
		assertThat(this.browser.navigate(gateway.url() + "/platinum/x").statusCode()).as("the next visit asks again")
			.isEqualTo(302);
	}

	@Test
	void bearerTokenWithoutTheLevelThen401SayingWhatItLacks() {
		String token = idp.signAccessToken(
				Map.of("sub", "alice", "aud", List.of("edge-gateway"), "acr", "pwd", "amr", List.of("pwd")),
				Instant.now(), Instant.now().plusSeconds(300));
		HttpResponse<String> response = new TestBrowser().get(gateway.url() + "/ledger-mfa/2026", "Authorization",
				"Bearer " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
				"Bearer error=\"insufficient_user_authentication\", error_description=\"A different authentication level is required\", acr_values=\"mfa\"");
		assertThat(response.body()).contains("\"acr_values\":\"mfa\"");
	}

}
