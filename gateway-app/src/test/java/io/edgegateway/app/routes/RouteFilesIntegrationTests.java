package io.edgegateway.app.routes;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.file.RouteFilesLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Teams' route files over the real gateway: a new file's routes answer, a broken version
 * (an unknown filter, a misspelt key) is rejected while the last good one keeps serving
 * and the other files apply, a fix applies, a deleted file's routes are gone, and a
 * ConfigMap-style swap of the files behind a {@code ..data} link applies — all without a
 * restart.
 */
class RouteFilesIntegrationTests {

	@TempDir
	Path routes;

	private final TestBrowser client = new TestBrowser();

	@Test
	void routeFilesAreAppliedRejectedAndRemovedWithoutRestart() throws Exception {
		try (GatewayInstance gateway = reloadingGateway()) {
			String bearer = bearer();
			assertThat(call(gateway, bearer, "/team-a/x").statusCode()).isEqualTo(404);
			write("team-a.yaml", route("team-a", "/team-a/**"));
			write("team-b.yaml", route("team-b", "/team-b/**"));
			awaitStatus(gateway, bearer, "/team-a/x", (status) -> status == 200);
			awaitStatus(gateway, bearer, "/team-b/x", (status) -> status == 200);

			write("team-a.yaml", route("team-a", "/team-a/**").replace("TokenRelay", "TokenRelai"));
			write("team-b.yaml", route("team-b", "/team-b-v2/**"));
			awaitStatus(gateway, bearer, "/team-b-v2/x", (status) -> status == 200);
			assertThat(call(gateway, bearer, "/team-a/x").statusCode()).isEqualTo(200);
			RouteFilesLocator files = gateway.context().getBean(RouteFilesLocator.class);
			assertThat(files.files().get("team-a.yaml").problems()).singleElement()
				.asString()
				.startsWith("team-a.yaml:2: route 'team-a': filters: unknown filter 'TokenRelai'");

			String endpoint = this.client.get(gateway.managementUrl() + "/actuator/routefiles").body();
			assertThat(endpoint).contains("\"team-a.yaml\":{\"state\":\"rejected\"")
				.contains("unknown filter 'TokenRelai'")
				.contains("\"team-b.yaml\":{\"state\":\"applied\"")
				.contains("\"credential\":\"TokenRelay\"");
			assertThat(
					this.client.get(gateway.managementUrl() + "/actuator/metrics/edge.routes.files?tag=state:rejected")
						.body())
				.contains("\"value\":1.0");

			write("team-a.yaml", route("team-a", "/team-a-v2/**"));
			awaitStatus(gateway, bearer, "/team-a-v2/x", (status) -> status == 200);

			Files.delete(this.routes.resolve("team-b.yaml"));
			awaitStatus(gateway, bearer, "/team-b-v2/x", (status) -> status == 404);
			assertThat(call(gateway, bearer, "/team-a-v2/x").statusCode()).isEqualTo(200);

			swapConfigMap(route("team-c", "/team-c/**"));
			awaitStatus(gateway, bearer, "/team-c/x", (status) -> status == 200);
		}
	}

	@Test
	void aFileWithAMisspeltKeyIsRejectedNamingItsLineWhileTheOtherTeamsFileKeepsServing() throws Exception {
		try (GatewayInstance gateway = reloadingGateway()) {
			String bearer = bearer();
			write("team-a.yaml", route("team-a", "/team-a/**"));
			write("team-b.yaml", route("team-b", "/team-b/**"));
			awaitStatus(gateway, bearer, "/team-a/x", (status) -> status == 200);
			awaitStatus(gateway, bearer, "/team-b/x", (status) -> status == 200);

			// A new version of team A's file moves its route, but says url for uri: an
			// unknown key that Spring Cloud Gateway's binding would silently drop.
			write("team-a.yaml", route("team-a", "/team-a-v2/**").replace("uri:", "url:"));
			RouteFilesLocator files = gateway.context().getBean(RouteFilesLocator.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(files.files().get("team-a.yaml").problems())
					.containsExactly("team-a.yaml:3: route 'team-a': unknown key 'url' (did you mean 'uri'?)"));
			assertThat(call(gateway, bearer, "/team-a/x").statusCode()).as("team A's last good version").isEqualTo(200);
			assertThat(call(gateway, bearer, "/team-a-v2/x").statusCode()).isEqualTo(404);
			assertThat(call(gateway, bearer, "/team-b/x").statusCode()).as("team B's file").isEqualTo(200);
			assertThat(this.client.get(gateway.managementUrl() + "/actuator/routefiles").body())
				.contains("\"team-a.yaml\":{\"state\":\"rejected\"")
				.contains("team-a.yaml:3: route 'team-a': unknown key 'url' (did you mean 'uri'?)");
		}
	}

	@Test
	void twoHundredRouteFilesAreValidatedAndAppliedInSeconds() throws Exception {
		for (int i = 0; i < 200; i++) {
			write("team-" + i + ".yaml", route("team-" + i, "/team-" + i + "/**"));
		}
		long startup = System.nanoTime();
		try (GatewayInstance gateway = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(),
				Map.of("edge.routes.directory", this.routes, "edge.routes.reload-interval", "1h"))) {
			long started = System.nanoTime();
			RouteFilesLocator files = gateway.context().getBean(RouteFilesLocator.class);
			assertThat(files.files()).hasSize(200).allSatisfy((name, state) -> assertThat(state.problems()).isEmpty());
			for (int i = 0; i < 200; i++) {
				write("team-" + i + ".yaml", route("team-" + i, "/team-" + i + "-v2/**"));
			}
			long scan = System.nanoTime();
			assertThat(files.scan()).isTrue();
			long scanned = System.nanoTime();
			assertThat(files.getRouteDefinitions().collectList().block()).hasSize(200);
			System.out.printf(
					"200 route files: gateway started with them in %d ms; all 200 changed, "
							+ "re-validated and applied in %d ms%n",
					(started - startup) / 1_000_000, (scanned - scan) / 1_000_000);
		}
	}

	private GatewayInstance reloadingGateway() {
		return GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.of("edge.routes.directory", this.routes, "edge.routes.reload-interval", "200ms",
						// replaces the demo's catch-all route, which would answer every
						// path
						"spring.cloud.gateway.server.webflux.routes[0].id", "demo",
						"spring.cloud.gateway.server.webflux.routes[0].uri", TestServers.upstream().uri(),
						"spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/demo/**"));
	}

	private static String bearer() {
		return "Bearer " + TestServers.idp()
			.signAccessToken(Map.of("sub", "alice", "aud", List.of("edge-gateway")), Instant.now(),
					Instant.now().plusSeconds(600));
	}

	/**
	 * Kubernetes mounts a ConfigMap as links into a {@code ..data} link that it swaps to
	 * a new directory at once.
	 */
	private void swapConfigMap(String teamC) throws Exception {
		Path version = Files.createDirectory(this.routes.resolve("..2026_11_28_v2"));
		Files.writeString(version.resolve("team-c.yaml"), teamC);
		Files.createSymbolicLink(this.routes.resolve("..data_tmp"), version.getFileName());
		Files.move(this.routes.resolve("..data_tmp"), this.routes.resolve("..data"),
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		Files.createSymbolicLink(this.routes.resolve("team-c.yaml"), Path.of("..data", "team-c.yaml"));
	}

	private void awaitStatus(GatewayInstance gateway, String bearer, String path, Predicate<Integer> expected) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(call(gateway, bearer, path).statusCode()).as(path).matches(expected));
	}

	private HttpResponse<String> call(GatewayInstance gateway, String bearer, String path) {
		return this.client.get(gateway.url() + path, "Accept", "application/json", "Authorization", bearer);
	}

	private void write(String name, String text) throws Exception {
		Path temporary = this.routes.resolve("." + name + ".tmp");
		Files.writeString(temporary, text);
		Files.move(temporary, this.routes.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static String route(String id, String path) {
		return """
				routes:
				  - id: %s
				    uri: %s
				    predicates: [ "Path=%s" ]
				    filters:
				      - TokenRelay
				""".formatted(id, TestServers.upstream().uri(), path);
	}

}
