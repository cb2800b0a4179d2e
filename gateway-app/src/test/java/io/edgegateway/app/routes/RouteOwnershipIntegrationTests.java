package io.edgegateway.app.routes;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.file.RouteFilesLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Teams' route files under the ownership model, over the real gateway with live reload:
 * the gateway's own catch-all route cannot shadow a team's guarded route, a team's route
 * outside its grant or over another team's routes is refused whatever {@code order} it
 * declares, with a message naming both files, and a file no team is granted is refused.
 */
class RouteOwnershipIntegrationTests {

	private static final String FINANCE_ONLY = """
			      - name: RequireClaims
			        args: { groups: [ finance ] }
			""";

	@TempDir
	static Path routes;

	private static GatewayInstance gateway;

	private static RouteFilesLocator files;

	private final TestBrowser client = new TestBrowser();

	@BeforeAll
	static void start() throws Exception {
		Files.createDirectory(routes.resolve("shop"));
		gateway = GatewayInstance.start(TestServers.idp().issuer(), TestServers.upstream().uri().toString(),
				Map.ofEntries(Map.entry("edge.routes.directory", routes),
						Map.entry("edge.routes.reload-interval", "200ms"),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].id", "platform-catch-all"),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].uri", TestServers.upstream().uri()),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/**"),
						Map.entry("spring.cloud.gateway.server.webflux.routes[0].filters[0]",
								"AddRequestHeader=X-Route, platform-catch-all"),
						Map.entry("edge.routes.teams.finance.files[0]", "finance.yaml"),
						Map.entry("edge.routes.teams.finance.paths[0]", "/finance"),
						Map.entry("edge.routes.teams.shop.files[0]", "shop/"),
						Map.entry("edge.routes.teams.shop.paths[0]", "/shop"),
						Map.entry("edge.routes.teams.platform.files[0]", "platform.yaml"),
						Map.entry("edge.routes.teams.platform.paths[0]", "/")));
		files = gateway.context().getBean(RouteFilesLocator.class);
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void theGatewaysCatchAllNeverShadowsATeamsGuardedRoute() throws Exception {
		write("finance.yaml", route("finance-ledger", 0, "/finance/**", FINANCE_ONLY));
		awaitApplied("finance.yaml");
		HttpResponse<String> denied = call("/finance/ledger", "staff");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("\"route\":\"finance-ledger\"");
		assertThat(Echo.of(call("/finance/ledger", "finance")).header("X-Route")).containsExactly("finance-ledger");
		assertThat(Echo.of(call("/elsewhere", "staff")).header("X-Route")).containsExactly("platform-catch-all");
	}

	@Test
	void anotherTeamCannotTakeAGuardedRoutesTrafficWhateverItsOrder() throws Exception {
		write("finance.yaml", route("finance-ledger", 0, "/finance/**", FINANCE_ONLY));
		awaitApplied("finance.yaml");
		write("platform.yaml", route("platform-ledger", -1000, "/finance/{page}", null));
		awaitRejected("platform.yaml", "platform-ledger");
		assertThat(files.files().get("platform.yaml").problems()).containsExactly(
				"platform.yaml:2: route 'platform-ledger': claims requests that route 'finance-ledger' in finance.yaml "
						+ "also claims; routes of different teams never overlap");
		assertThat(call("/finance/ledger", "staff").statusCode()).isEqualTo(403);

		write("platform.yaml", route("platform-all", -1000, "/**", null));
		awaitRejected("platform.yaml", "platform-all");
		assertThat(String.join("\n", files.files().get("platform.yaml").problems())).contains(
				"platform.yaml:2: route 'platform-all': is never reached where it overlaps route 'platform-catch-all' "
						+ "of the gateway's own configuration")
			.contains("route 'finance-ledger' in finance.yaml also claims");
	}

	@Test
	void aRouteOutsideItsTeamsGrantIsRefusedAndOneInsideServes() throws Exception {
		write("shop/web.yaml", route("shop-all", -1000, "/**", null));
		awaitRejected("shop/web.yaml", "shop-all");
		assertThat(files.files().get("shop/web.yaml").problems()).contains(
				"shop/web.yaml:2: route 'shop-all': predicates: Path '/**' is outside team 'shop''s paths [/shop]");
		assertThat(Echo.of(call("/shop/cart", "staff")).header("X-Route")).containsExactly("platform-catch-all");

		write("shop/web.yaml", route("shop-web", 0, "/shop/**", null));
		awaitApplied("shop/web.yaml");
		assertThat(Echo.of(call("/shop/cart", "staff")).header("X-Route")).containsExactly("shop-web");
	}

	@Test
	void aFileNoTeamIsGrantedIsRefused() throws Exception {
		write("stray.yaml", route("stray", 0, "/stray/**", null));
		await().atMost(Duration.ofSeconds(10)).until(() -> files.files().containsKey("stray.yaml"));
		assertThat(files.files().get("stray.yaml").problems())
			.containsExactly("stray.yaml: no team is granted this file (edge.routes.teams.<team>.files)");
		assertThat(Echo.of(call("/stray/x", "staff")).header("X-Route")).containsExactly("platform-catch-all");
	}

	private HttpResponse<String> call(String path, String group) {
		String token = TestServers.idp()
			.signAccessToken(Map.of("sub", "alice", "aud", List.of("edge-gateway"), "groups", List.of(group)),
					Instant.now(), Instant.now().plusSeconds(600));
		return this.client.get(gateway.url() + path, "Accept", "application/json", "Authorization", "Bearer " + token);
	}

	private static void awaitApplied(String file) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(files.files()).containsKey(file);
			assertThat(files.files().get(file).problems()).isEmpty();
		});
	}

	private static void awaitRejected(String file, String routeId) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(files.files().get(file)).isNotNull()
				.satisfies((state) -> assertThat(state.problems()).isNotEmpty()
					.allSatisfy((problem) -> assertThat(problem).contains("route '" + routeId + "'"))));
	}

	private static void write(String name, String text) throws Exception {
		Path target = routes.resolve(name);
		Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
		Files.writeString(temporary, text);
		Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String route(String id, int order, String path, String accessRule) {
		return """
				routes:
				  - id: %s
				    uri: %s
				    order: %d
				    predicates: [ "Path=%s" ]
				    filters:
				      - AddRequestHeader=X-Route, %s
				      - TokenRelay
				""".formatted(id, TestServers.upstream().uri(), order, path, id)
				+ ((accessRule != null) ? accessRule : "");
	}

}
