package io.edgegateway.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.edgegateway.app.support.GatewayInstance;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak, the distribution from Maven Central that the build unpacked into
 * {@code target/}, run as a child process on a free loopback port and started once per
 * test run (like {@code TestServers}).
 * <p>
 * Keycloak needs Java 21 or newer; the JDK is {@code keycloak.java.home} (default
 * {@value #DEFAULT_JAVA_HOME}). Without it the tests that need Keycloak are skipped with
 * a message naming the path and the property, never failed and never passed.
 * <p>
 * Start-up is kept short: the server is built once for the options the tests use
 * ({@code kc.sh build}: Quarkus augmentation, 12-22 s on two cores, remembered in a
 * marker file until the distribution is unpacked again), then every run starts it with
 * {@code start --optimized} (15-31 s; {@code start-dev}, which augments on every start
 * that changes its options, took 70 s on the same machine). An in-memory database
 * ({@code dev-mem}) makes every run start from an empty server; the tests create their
 * realm over the admin REST API.
 */
public final class KeycloakServer {

	/**
	 * The JDK the tests run Keycloak with unless {@code keycloak.java.home} says
	 * otherwise.
	 */
	public static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

	/**
	 * The bootstrap administrator of the master realm.
	 */
	public static final String ADMIN_USERNAME = "admin";

	/**
	 * The bootstrap administrator's password.
	 */
	public static final String ADMIN_PASSWORD = "admin-password";

	/**
	 * Build-time options: a fixed set, so one {@code kc.sh build} serves every run.
	 * Standard token exchange (V2) is on by default since Keycloak 26.2; each client
	 * enables it with {@code standard.token.exchange.enabled}.
	 */
	private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=false",
			"--metrics-enabled=false");

	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

	private static @Nullable KeycloakServer shared;

	private static @Nullable String unavailable;

	private final Process process;

	private final int port;

	private final Duration startup;

	private KeycloakServer(Process process, int port, Duration startup) {
		this.process = process;
		this.port = port;
		this.startup = startup;
	}

	/**
	 * The Keycloak of this test run, started on first use and stopped when the JVM exits.
	 * Skips the calling test (a JUnit assumption) when no Java 21+ is configured.
	 * @return the running server
	 */
	public static synchronized KeycloakServer shared() {
		assumeAvailable();
		if (shared == null) {
			KeycloakServer server = start(home(), javaHome());
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
			shared = server;
		}
		return shared;
	}

	/**
	 * Whether Keycloak can run here: a Java 21+ is configured.
	 * @return {@code true} if it can
	 */
	public static synchronized boolean available() {
		if (unavailable == null) {
			unavailable = missingJava().orElse("");
			if (!unavailable.isEmpty()) {
				System.err.println("WARNING: " + unavailable);
			}
		}
		return unavailable.isEmpty();
	}

	/**
	 * Skip the calling test, saying why, when Keycloak cannot run here.
	 */
	public static void assumeAvailable() {
		Assumptions.assumeTrue(available(), () -> unavailable);
	}

	/**
	 * Why Keycloak cannot run here, if it cannot.
	 * @return the reason naming the JDK path and the property, or empty
	 */
	static Optional<String> missingJava() {
		Path javaHome = javaHome();
		String setIt = "; set -Dkeycloak.java.home=<a JDK 21+> (Maven property keycloak.java.home, default "
				+ DEFAULT_JAVA_HOME + ") to run the Keycloak suite";
		if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
			return Optional.of("Keycloak tests skipped: no JDK at " + javaHome + " (keycloak.java.home)" + setIt);
		}
		int version = javaVersion(javaHome);
		if (version > 0 && version < 21) {
			return Optional.of("Keycloak tests skipped: the JDK at " + javaHome + " (keycloak.java.home) is Java "
					+ version + ", Keycloak needs 21 or newer" + setIt);
		}
		return Optional.empty();
	}

	/**
	 * The server's base URL.
	 * @return e.g. {@code http://127.0.0.1:41234}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * How long the last start took, from launching the process to the first answer.
	 * @return the start-up time
	 */
	public Duration startup() {
		return this.startup;
	}

	/**
	 * Where the server's output goes.
	 * @return the log file
	 */
	public static Path logFile() {
		return home().getParent().resolve("keycloak.log");
	}

	/**
	 * The size and time of the application image that {@code kc.sh build} writes.
	 */
	private static String builtImage(Path home) throws IOException {
		Path image = home.resolve("lib/quarkus/quarkus-application.dat");
		if (!Files.isRegularFile(image)) {
			return "none";
		}
		return Files.size(image) + "@" + Files.getLastModifiedTime(image).toMillis();
	}

	private static KeycloakServer start(Path home, Path javaHome) {
		if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("No Keycloak distribution at " + home
					+ " (keycloak.home): the build unpacks it in the process-test-resources phase");
		}
		build(home, javaHome);
		int port = GatewayInstance.freePort();
		List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
				"--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname-strict=false",
				// one node, no cluster: nothing listens beyond loopback
				"--cache=local"));
		long begin = System.nanoTime();
		Process process = launch(home, javaHome, command, logFile(), true);
		try {
			awaitAnswer(process, "http://127.0.0.1:" + port, begin);
		}
		catch (RuntimeException ex) {
			destroyTree(process);
			throw ex;
		}
		KeycloakServer server = new KeycloakServer(process, port, Duration.ofNanos(System.nanoTime() - begin));
		System.out.println("Keycloak " + home.getFileName() + " started on " + server.url() + " in "
				+ server.startup().toMillis() + " ms (log: " + logFile() + ")");
		return server;
	}

	/**
	 * Build the server for {@link #BUILD_OPTIONS} unless the marker says it was built so
	 * and the built image is still the one the marker saw (unpacking the distribution
	 * again puts back the image it ships).
	 */
	private static void build(Path home, Path javaHome) {
		Path marker = home.resolve(".edge-gateway-build");
		String options = String.join(" ", BUILD_OPTIONS);
		try {
			if (Files.isRegularFile(marker) && Files.readString(marker).equals(options + " " + builtImage(home))) {
				return;
			}
			List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
			command.addAll(BUILD_OPTIONS);
			long begin = System.nanoTime();
			Process build = launch(home, javaHome, command, home.getParent().resolve("keycloak-build.log"), false);
			if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				destroyTree(build);
				throw new IllegalStateException("kc.sh build did not finish within " + BUILD_TIMEOUT);
			}
			if (build.exitValue() != 0) {
				throw new IllegalStateException("kc.sh build failed (exit " + build.exitValue() + "), see "
						+ home.getParent().resolve("keycloak-build.log"));
			}
			System.out
				.println("Keycloak built (" + options + ") in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
			Files.writeString(marker, options + " " + builtImage(home));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Process launch(Path home, Path javaHome, List<String> command, Path log, boolean withAdmin) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("JAVA_HOME", javaHome.toString());
		// kc.sh's own default outside a container; said here so a JAVA_OPTS of the
		// build's environment cannot change it.
		environment.remove("JAVA_OPTS");
		environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		// Keycloak's thread pools reset thread locals, which Java 24+ allows only so.
		environment.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
		if (withAdmin) {
			environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
			environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
		}
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command, ex);
		}
	}

	/**
	 * Wait until the master realm's discovery document answers: the server is up and its
	 * realms are loaded.
	 */
	private static void awaitAnswer(Process process, String url, long begin) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest discovery = HttpRequest
			.newBuilder(URI.create(url + "/realms/master/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (System.nanoTime() - begin < START_TIMEOUT.toNanos()) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"Keycloak exited with " + process.exitValue() + " while starting:\n" + logTail());
			}
			try {
				if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT + ":\n" + logTail());
	}

	/**
	 * Stop the server and every process it started: {@code kc.sh} runs Java as its child.
	 */
	public void stop() {
		destroyTree(this.process);
	}

	private static void destroyTree(Process process) {
		List<ProcessHandle> descendants = process.descendants().toList();
		descendants.forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
			for (ProcessHandle descendant : descendants) {
				descendant.onExit().get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			descendants.forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static String logTail() {
		try {
			List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + logFile() + ")";
		}
	}

	private static Path home() {
		return Path.of(System.getProperty("keycloak.home", "target/keycloak")).toAbsolutePath();
	}

	private static Path javaHome() {
		return Path.of(System.getProperty("keycloak.java.home", DEFAULT_JAVA_HOME));
	}

	/**
	 * The JDK's feature version from its {@code release} file, or 0 when it does not say.
	 */
	private static int javaVersion(Path javaHome) {
		try {
			Matcher matcher = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
