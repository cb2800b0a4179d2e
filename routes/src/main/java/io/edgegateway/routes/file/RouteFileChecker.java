package io.edgegateway.routes.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import io.edgegateway.routes.RouteDefinitionValidator;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * Checks one route file as the gateway would apply it: parsed and checked against the
 * shipped JSON Schema, every route the schema passes built through the gateway's own
 * factories, and no route id another file already declares. Shared by the live reload and
 * the offline validator, so both say the same.
 */
public final class RouteFileChecker {

	private final RouteFileParser parser = new RouteFileParser();

	private final RouteDefinitionValidator validator;

	private final Set<String> requiredCredentialFilters;

	/**
	 * Create a checker.
	 * @param validator builds routes through the gateway's factories
	 * @param requiredCredentialFilters filters of which every route needs one; empty when
	 * none is required
	 */
	public RouteFileChecker(RouteDefinitionValidator validator, Set<String> requiredCredentialFilters) {
		this.validator = validator;
		this.requiredCredentialFilters = Set.copyOf(requiredCredentialFilters);
	}

	/**
	 * A checker with the settings of {@code edge.routes.*}.
	 * @param validator builds routes through the gateway's factories
	 * @param properties the settings
	 * @return the checker
	 */
	public static RouteFileChecker of(RouteDefinitionValidator validator, RoutesProperties properties) {
		return new RouteFileChecker(validator,
				properties.isRequireCredential() ? properties.getCredentialFilters() : Set.of());
	}

	/**
	 * The route files of a directory: {@code *.yaml} and {@code *.yml}, not hidden ones
	 * (which also skips Kubernetes' {@code ..data} machinery), by name.
	 * @param directory the directory
	 * @return the files by name, empty if the directory does not exist
	 * @throws IOException if it cannot be listed
	 */
	public static Map<String, Path> list(Path directory) throws IOException {
		Map<String, Path> present = new TreeMap<>();
		if (!Files.isDirectory(directory)) {
			return present;
		}
		try (Stream<Path> entries = Files.list(directory)) {
			entries.filter((path) -> {
				String name = path.getFileName().toString();
				return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"))
						&& Files.isRegularFile(path);
			}).forEach((path) -> present.put(path.getFileName().toString(), path));
		}
		return present;
	}

	/**
	 * Check a file.
	 * @param name the file's name
	 * @param text its text
	 * @param defaultFilters the filters every route gets
	 * @param declaredElsewhere the file that already declares a route id, or {@code null}
	 * @return the routes and every problem, each naming the file
	 */
	public Checked check(String name, String text, List<FilterDefinition> defaultFilters,
			Function<String, @Nullable String> declaredElsewhere) {
		RouteFileParser.Parsed parsed = this.parser.parse(name, text);
		List<String> problems = new ArrayList<>(parsed.problems());
		for (RouteDefinition route : parsed.routes()) {
			String at = name + ":" + parsed.lines().get(route.getId()) + ": ";
			this.validator.validate(route, defaultFilters).forEach((problem) -> problems.add(at + problem));
			if (!this.requiredCredentialFilters.isEmpty() && route.getFilters()
				.stream()
				.noneMatch((filter) -> this.requiredCredentialFilters.contains(filter.getName()))) {
				problems.add(at + "route '" + route.getId() + "': filters: a credential filter is required (one of "
						+ new TreeSet<>(this.requiredCredentialFilters) + ")");
			}
			String owner = declaredElsewhere.apply(route.getId());
			if (owner != null) {
				problems.add(at + "route '" + route.getId() + "': id: already declared in " + owner);
			}
		}
		return new Checked(parsed.routes(), problems);
	}

	/**
	 * A checked file.
	 *
	 * @param routes the routes it declares, but for those the schema refused: all of them
	 * when it applies
	 * @param problems why it cannot apply, empty when it can
	 */
	public record Checked(List<RouteDefinition> routes, List<String> problems) {
	}

}
