package io.edgegateway.app.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.RawHttp;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.idp.DemoIdentityProvider;
import io.edgegateway.idp.echo.EchoUpstream;

/**
 * The gateway the hostile-client suite attacks, started once for the whole suite: the
 * demo profile with its sessions in the real Redis, the real identity provider, the echo
 * upstream, the routes of {@code hostile-routes.yaml}, and a token endpoint that answers
 * {@code 200} without a body for the {@code tokenless} service account.
 */
final class HostileGateway {

	private static HostileGateway instance;

	private final GatewayInstance gateway;

	private final HttpServer tokenless;

	private final AtomicInteger tokenlessRequests = new AtomicInteger();

	private HostileGateway() {
		this.tokenless = tokenlessTokenEndpoint();
		Map<String, Object> properties = new LinkedHashMap<>(
				GatewayInstance.redisSessions(GatewayInstance.newNamespace()));
		properties.put("spring.config.import", "classpath:hostile-routes.yaml");
		properties.put("hostile.tokenless-token-uri",
				"http://127.0.0.1:" + this.tokenless.getAddress().getPort() + "/token");
		this.gateway = GatewayInstance.start(idp().issuer(), upstream().uri().toString(), properties);
	}

	static synchronized HostileGateway get() {
		if (instance == null) {
			instance = new HostileGateway();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
		}
		return instance;
	}

	GatewayInstance gateway() {
		return this.gateway;
	}

	String url() {
		return this.gateway.url();
	}

	RawHttp raw() {
		return new RawHttp(this.gateway.port());
	}

	RawHttp management() {
		return new RawHttp(Integer.parseInt(this.gateway.managementUrl().replaceAll(".*:", "")));
	}

	DemoIdentityProvider idp() {
		return TestServers.idp();
	}

	EchoUpstream upstream() {
		return TestServers.upstream();
	}

	int tokenlessRequests() {
		return this.tokenlessRequests.get();
	}

	/**
	 * A browser signed in as a demo user.
	 * @param user alice or bob
	 * @return the browser
	 */
	TestBrowser signedIn(String user) {
		TestBrowser browser = new TestBrowser();
		browser.signIn(url() + "/", user, user + "-password");
		return browser;
	}

	/**
	 * The session cookie of a browser signed in as a demo user, as a {@code Cookie}
	 * header value.
	 * @param user alice or bob
	 * @return {@code EDGE_SESSION=...}
	 */
	String sessionCookie(String user) {
		return "EDGE_SESSION=" + signedIn(user).cookie("EDGE_SESSION").orElseThrow();
	}

	/**
	 * An access token for the gateway's audience, signed by the identity provider.
	 * @param user the subject
	 * @return the JWT
	 */
	String bearerToken(String user) {
		Instant now = Instant.now();
		return idp().signAccessToken(
				Map.of("sub", user, "aud", List.of("edge-gateway"), "groups", List.of("engineering"), "tenant", "t1"),
				now, now.plusSeconds(300));
	}

	private HttpServer tokenlessTokenEndpoint() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/token", (exchange) -> {
				this.tokenlessRequests.incrementAndGet();
				exchange.getRequestBody().readAllBytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void close() {
		this.gateway.close();
		this.tokenless.stop(0);
	}

}
