package io.edgegateway.app.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers sign in with one of several identity providers, each a real authorization
 * server: the gateway's own and a partner's. Without a session a browser is offered both;
 * a host can be tied to one; only the offered registrations start a sign-in.
 */
class SignInProvidersIntegrationTests {

	private static final Pattern PARTNER_LINK = Pattern.compile("<a href=\"([^\"]*provider=partner[^\"]*)\">");

	private static DemoIdentityProvider partner;

	private static GatewayInstance gateway;

	@TempDir
	static Path routes;

	@BeforeAll
	static void start() throws IOException {
		partner = DemoIdentityProvider.builder()
			.port(0)
			.redirectUris(List.of("http://127.0.0.1:8080/login/oauth2/code/partner"))
			.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		String registration = "spring.security.oauth2.client.registration.";
		for (String id : new String[] { "partner", "relay-only" }) {
			properties.put(registration + id + ".provider", "partner");
			properties.put(registration + id + ".client-id", "edge-gateway");
			properties.put(registration + id + ".client-secret", "edge-gateway-secret");
			properties.put(registration + id + ".scope", "openid,profile,email");
			properties.put(registration + id + ".authorization-grant-type", "authorization_code");
			properties.put(registration + id + ".redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
		}
		properties.put(registration + "partner.client-name", "Partner <portal>");
		properties.put("spring.security.oauth2.client.provider.partner.issuer-uri", partner.issuer());
		properties.put("edge.security.login-registrations", "partner");
		properties.put("edge.security.login-hosts.localhost", "partner");
		properties.put(registration + "idp-exchange.provider", "idp");
		properties.put(registration + "idp-exchange.client-id", "edge-gateway");
		properties.put(registration + "idp-exchange.client-secret", "edge-gateway-secret");
		properties.put(registration + "idp-exchange.authorization-grant-type",
				"urn:ietf:params:oauth:grant-type:token-exchange");
		Files.writeString(routes.resolve("orders.yaml"), """
				routes:
				  - id: orders
				    uri: %s
				    # Before the demo's catch-all route (route precedence is issue 15).
				    order: -1
				    predicates: [ "Path=/orders/**" ]
				    filters:
				      - name: TokenExchange
				        args: { registration: idp-exchange, audience: orders-api }
				""".formatted(TestServers.upstream().uri()));
		properties.put("edge.routes.directory", routes);
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				properties);
	}

	@AfterAll
	static void stop() {
		gateway.close();
		partner.close();
	}

	@Test
	void noSessionThenTheSignInPageOffersBothAndThePartnersUserReachesTheUpstreamAsThePartnersUser() {
		TestBrowser browser = new TestBrowser();
		HttpResponse<String> page = browser.navigate(gateway.url() + "/reports/q3");
		assertThat(TestBrowser.location(page)).hasToString(gateway.url() + "/auth/login");
		HttpResponse<String> chooser = browser.navigate(TestBrowser.location(page).toString());
		assertThat(chooser.statusCode()).isEqualTo(200);
		assertThat(chooser.body()).contains(">idp</a>").contains(">Partner &lt;portal&gt;</a>");
		Matcher link = PARTNER_LINK.matcher(chooser.body());
		assertThat(link.find()).isTrue();
		HttpResponse<String> start = browser.navigate(gateway.url() + HtmlUtils.htmlUnescape(link.group(1)));
		assertThat(TestBrowser.location(start)).hasToString(gateway.url() + "/oauth2/authorization/partner");
		HttpResponse<String> authorize = browser.navigate(TestBrowser.location(start).toString());
		assertThat(TestBrowser.location(authorize).toString()).startsWith(partner.issuer() + "/oauth2/authorize");
		HttpResponse<String> back = browser.submitLogin(browser.follow(authorize), "alice", "alice-password");
		assertThat(back.uri().getPath()).as(back.uri() + " " + back.statusCode() + " " + back.body())
			.isEqualTo("/reports/q3");
		Echo echo = Echo.of(browser.get(gateway.url() + "/reports/q3", "Accept", "application/json"));
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
		assertThat(echo.header("X-User-Issuer")).containsExactly(partner.issuer());
	}

	@Test
	void exchangeAtTheGatewaysProviderThenItsUserGetsATokenAndThePartnersUserA403NotASignOut() {
		TestBrowser own = new TestBrowser();
		signIn(own, "idp");
		assertThat(Echo.of(own.get(gateway.url() + "/orders/1", "Accept", "application/json")).bearerToken())
			.isNotBlank();
		TestBrowser partners = new TestBrowser();
		signIn(partners, "partner");
		int exchangesBefore = TestServers.idp().tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange");
		HttpResponse<String> refused = partners.get(gateway.url() + "/orders/1", "Accept", "application/json");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("\"error\":\"foreign_user\"").contains(partner.issuer());
		assertThat(TestServers.idp().tokenRequests("urn:ietf:params:oauth:grant-type:token-exchange"))
			.as("the partner's token never reached the gateway's provider")
			.isEqualTo(exchangesBefore);
		assertThat(partners.get(gateway.url() + "/auth/me", "Accept", "application/json").statusCode())
			.as("still signed in")
			.isEqualTo(200);
	}

	private static void signIn(TestBrowser browser, String provider) {
		HttpResponse<String> start = browser.navigate(gateway.url() + "/auth/login?provider=" + provider);
		HttpResponse<String> back = browser.submitLogin(browser.follow(start), "alice", "alice-password");
		assertThat(back.statusCode()).isEqualTo(200);
	}

	@Test
	void scriptWithoutSessionThenItsLoginUrlIsTheSignInPage() {
		HttpResponse<String> response = new TestBrowser().get(gateway.url() + "/api/x", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"login\":\"/auth/login\"");
	}

	@Test
	void registrationBrowsersDoNotSignInWithThen400() {
		TestBrowser browser = new TestBrowser();
		assertThat(browser.navigate(gateway.url() + "/oauth2/authorization/relay-only").statusCode()).isEqualTo(400);
		HttpResponse<String> login = browser.get(gateway.url() + "/auth/login?provider=relay-only", "Accept",
				"application/json");
		assertThat(login.statusCode()).isEqualTo(400);
		assertThat(login.body()).contains("provider: 'relay-only' is not offered; offered: [idp, partner]");
		assertThat(browser.navigate(gateway.url() + "/oauth2/authorization/idp-exchange").statusCode()).isEqualTo(400);
	}

	@Test
	void hostTiedToThePartnerThenItsBrowsersGoStraightToThePartner() {
		URI local = URI.create(gateway.url().replace("127.0.0.1", "localhost") + "/reports/q3");
		HttpResponse<String> page = new TestBrowser().navigate(local.toString());
		assertThat(TestBrowser.location(page).getPath()).isEqualTo("/oauth2/authorization/partner");
	}

}
