package io.edgegateway.app.routes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.edgegateway.routes.RouteDefinitionValidator;
import io.edgegateway.routes.file.ClaimedRoute;
import io.edgegateway.routes.file.RouteFileChecker;
import io.edgegateway.routes.file.RoutesProperties;
import io.edgegateway.routes.precedence.RouteSpaces;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar edge-gateway-app.jar --validate <directory> [--spring.profiles.active=...]}:
 * checks a directory of route files with the same rules and messages as the running
 * gateway (its configuration, registrations and keys included), prints one line per file,
 * and exits {@code 0} when every file would apply, {@code 1} otherwise — for platform
 * teams' own CI.
 */
public final class RouteValidationCommand {

	/**
	 * The option that selects the command.
	 */
	public static final String OPTION = "--validate";

	private RouteValidationCommand() {
	}

	/**
	 * Validate a directory of route files.
	 * @param application the gateway's application class, started as it would serve
	 * @param directory the directory
	 * @param out where to report
	 * @param applicationArgs the gateway's own arguments (profiles, properties)
	 * @return the exit code
	 */
	public static int validate(Class<?> application, Path directory, PrintStream out, String... applicationArgs) {
		if (!Files.isDirectory(directory)) {
			out.println("Not a directory: " + directory);
			return 2;
		}
		String[] args = Stream
			.concat(Stream.of(applicationArgs), Stream.of("--server.port=0", "--management.server.port=-1",
					"--spring.main.banner-mode=off", "--edge.routes.validate-on-startup=false"))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application).logStartupInfo(false)
			.run(args)) {
			return check(directory, out,
					RouteFileChecker.of(context.getBean(RouteDefinitionValidator.class),
							context.getBean(RouteSpaces.class), context.getBean(RoutesProperties.class)),
					context.getBean(GatewayProperties.class));
		}
	}

	private static int check(Path directory, PrintStream out, RouteFileChecker checker, GatewayProperties gateway) {
		List<ClaimedRoute> applied = new ArrayList<>(checker.claimsOf(gateway.getRoutes()));
		List<String> problems = new ArrayList<>();
		try {
			for (Map.Entry<String, Path> file : RouteFileChecker.list(directory).entrySet()) {
				RouteFileChecker.Checked checked = checker.check(file.getKey(), Files.readString(file.getValue()),
						gateway.getDefaultFilters(), applied);
				if (checked.problems().isEmpty()) {
					applied.addAll(checked.claims());
					out.println("OK       " + file.getKey() + " "
							+ checked.routes().stream().map((route) -> route.getId()).toList());
				}
				else {
					out.println("REJECTED " + file.getKey());
					checked.problems().forEach((problem) -> out.println("  - " + problem));
					problems.addAll(checked.problems());
				}
			}
		}
		catch (IOException ex) {
			out.println("Cannot read " + directory + ": " + ex.getMessage());
			return 2;
		}
		return problems.isEmpty() ? 0 : 1;
	}

}
