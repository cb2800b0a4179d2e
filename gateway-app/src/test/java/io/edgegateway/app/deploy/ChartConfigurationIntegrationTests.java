package io.edgegateway.app.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.RedisSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Helm chart's rendered configuration starts the gateway as a pod would run it: the
 * application settings ConfigMap, the login client's secret and the secret settings read
 * as config trees, the routes ConfigMap as the routes directory and Redis shared by two
 * replicas; and the minimal install values alone start a gateway that signs users in.
 * Everything the test gives the gateway comes from the chart's manifests (and the Secret
 * the values name, as an installer creates it).
 */
class ChartConfigurationIntegrationTests {

	private static final String SESSION_KEY = "Y2hhcnQtdGVzdC1zZXNzaW9uLWtleS0zMi1ieXRlcyE=";

	/**
	 * The login client's secret, in the Secret the install values name.
	 */
	private static final Map<String, String> CLIENT_SECRET = Map.of(ChartInstall.CLIENT_SECRET_KEY,
			"edge-gateway-secret");

	private final TestBrowser browser = new TestBrowser();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String sessionNamespace = "edge-test:" + UUID.randomUUID() + ":session";

	@TempDir
	Path root;

	@Test
	void twoReplicasConfiguredByTheChartShareTheSessionAndServeTheTeamsRoutes() throws Exception {
		ChartRendering chart = new ChartRendering(values("team-echo", "/team/**"), this.root)
			.withExistingSecret("edge-gateway-idp", CLIENT_SECRET);
		chart.mountVolumes();
		try (GatewayInstance first = GatewayInstance.startConfiguredBy(chart.environmentProperties());
				GatewayInstance second = GatewayInstance.startConfiguredBy(chart.environmentProperties())) {
			HttpResponse<String> landed = this.browser.signIn(first.url() + "/team/hello", "alice", "alice-password");
			assertThat(landed.statusCode()).isEqualTo(200);
			Echo onSecond = Echo.of(this.browser.get(second.url() + "/team/hello", "Accept", "application/json"));
			assertThat(onSecond.header("X-User-Id")).containsExactly("alice");
			assertThat(onSecond.token()).containsEntry("sub", "alice");

			for (String probe : new String[] { "startupProbe", "livenessProbe", "readinessProbe" }) {
				assertThat(status(first.managementUrl() + chart.probePath(probe))).as(probe).isEqualTo(200);
			}
			HttpResponse<String> metrics = get(first.managementUrl() + "/actuator/prometheus");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("edge_routes_files{");

			ChartRendering changed = new ChartRendering(values("team-echo-v2", "/team-v2/**"), this.root)
				.withExistingSecret("edge-gateway-idp", CLIENT_SECRET);
			changed.mountVolumes();
			assertThat(changed.podTemplate()).isEqualTo(chart.podTemplate());
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				HttpResponse<String> moved = this.browser.get(second.url() + "/team-v2/hello", "Accept",
						"application/json");
				assertThat(moved.statusCode()).isEqualTo(200);
				assertThat(Echo.of(moved).path()).isEqualTo("/team-v2/hello");
			});
		}
	}

	@Test
	void theMinimalInstallValuesStartAGatewayThatSignsUsersIn() throws Exception {
		int port = GatewayInstance.freePort();
		ChartRendering chart = new ChartRendering(ChartInstall.minimalValues("http://127.0.0.1:" + port), this.root)
			.withExistingSecret(ChartInstall.CLIENT_SECRET_NAME, CLIENT_SECRET);
		chart.mountVolumes();
		Map<String, Object> properties = new LinkedHashMap<>(chart.environmentProperties());
		properties.put("server.port", port);
		try (GatewayInstance gateway = GatewayInstance.startConfiguredBy(properties)) {
			assertThat(status(gateway.url() + "/readyz")).isEqualTo(200);
			for (String probe : new String[] { "startupProbe", "livenessProbe", "readinessProbe" }) {
				assertThat(status(gateway.managementUrl() + chart.probePath(probe))).as(probe).isEqualTo(200);
			}
			HttpResponse<String> me = this.browser.signIn(gateway.url() + "/auth/me", "alice", "alice-password");
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains("\"alice\"");
		}
	}

	private String values(String routeId, String path) {
		RedisSupport redis = RedisSupport.redis();
		return """
				replicaCount: 2
				idp:
				  issuerUri: %s
				  clientId: edge-gateway
				  clientSecret:
				    secretName: edge-gateway-idp
				application:
				  edge:
				    security:
				      allowed-hosts: [ 127.0.0.1 ]
				    session:
				      redis-namespace: %s
				      encryption:
				        active-key: k1
				secrets:
				  values:
				    edge.session.encryption.keys.k1: %s
				redis:
				  host: %s
				  port: %d
				routes:
				  team: |
				    routes:
				      - id: %s
				        uri: %s
				        predicates: [ "Path=%s" ]
				        filters: [ TokenRelay ]
				""".formatted(TestServers.idp().issuer(), this.sessionNamespace, SESSION_KEY, redis.host(),
				redis.port(), routeId, TestServers.upstream().uri(), path);
	}

	private int status(String url) throws Exception {
		return get(url).statusCode();
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
