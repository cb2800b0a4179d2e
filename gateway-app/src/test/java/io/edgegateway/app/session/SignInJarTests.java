package io.edgegateway.app.session;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.RedisSupport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signing in through the executable jar the build packaged, in a process of its own: only
 * the jar's classpath, not the tests' (which holds the demo identity provider and with it
 * Spring Authorization Server's Jackson module), writes and reads the session. A session
 * value the jar cannot store fails the sign-in here although every in-process session
 * test passes (an ID token's {@code URL} issuer once did). Runs in the
 * {@code integration-test} phase, after {@code package} (gateway-app/pom.xml).
 */
class SignInJarTests {

	/**
	 * The jar, set by the {@code jar-tests} execution; without it (the test phase) the
	 * class is skipped.
	 */
	private static final String JAR = System.getProperty("edge.jar");

	private static final String NAMESPACE = GatewayInstance.newNamespace();

	private static Process gateway;

	private static String url;

	@TempDir
	static Path work;

	@BeforeAll
	static void startTheJar() throws IOException {
		assumeTrue(JAR != null, "runs in the jar-tests execution, after package");
		int port = GatewayInstance.freePort();
		url = "http://127.0.0.1:" + port;
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				Path.of(JAR).toAbsolutePath().toString(), "--spring.profiles.active=demo",
				"--edge.demo.idp=" + TestServers.idp().issuer(), "--edge.demo.upstream=" + TestServers.upstream().uri(),
				"--server.port=" + port, "--management.server.port=" + GatewayInstance.freePort()));
		GatewayInstance.redisSessions(NAMESPACE).forEach((name, value) -> command.add("--" + name + "=" + value));
		gateway = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("gateway.log").toFile())
			.start();
		TestBrowser probe = new TestBrowser();
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.failFast("the gateway exited; its log:\n" + work.resolve("gateway.log"), () -> !gateway.isAlive())
			.until(() -> probe.get(url + "/readyz").statusCode() == 200);
	}

	@AfterAll
	static void stopTheJar() throws InterruptedException {
		if (gateway != null) {
			gateway.destroy();
			gateway.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void signInThroughTheJarStoresTheSessionInRedisAndRelaysTheUsersToken() throws IOException {
		TestBrowser browser = new TestBrowser();
		HttpResponse<String> signedIn = browser.signIn(url + "/orders", "alice", "alice-password");
		assertThat(signedIn.statusCode()).as(log()).isEqualTo(200);
		Echo echo = Echo.of(browser.get(url + "/orders/2", "Accept", "application/json"));
		assertThat(echo.path()).isEqualTo("/orders/2");
		assertThat(echo.header("X-User-Id")).containsExactly("alice");
		assertThat(echo.token()).containsEntry("sub", "alice");
		assertThat(sessionKeys()).as("the session the jar wrote, under its namespace").isOne();
	}

	private static long sessionKeys() {
		RedisSupport redis = RedisSupport.redis();
		RedisClient client = RedisClient.create("redis://" + redis.host() + ":" + redis.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(NAMESPACE + ":sessions:*").size();
		}
		finally {
			client.shutdown();
		}
	}

	private static String log() throws IOException {
		return "the gateway's log:\n" + Files.readString(work.resolve("gateway.log"));
	}

}
