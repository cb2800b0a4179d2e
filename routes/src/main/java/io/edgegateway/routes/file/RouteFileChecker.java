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
import java.util.stream.Stream;

import io.edgegateway.routes.RouteDefinitionValidator;
import io.edgegateway.routes.metadata.RouteAuth;
import io.edgegateway.routes.precedence.PrecedenceRouteDefinitionLocator;
import io.edgegateway.routes.precedence.RouteSpaces;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * Checks one route file as the gateway would apply it: parsed and checked against the
 * shipped JSON Schema, every route the schema passes built through the gateway's own
 * factories, every route within its team's grant, no route id declared elsewhere, no
 * route overlapping another team's, and no route that an as specific route of the
 * application's own configuration would hide. Shared by the live reload and the offline
 * validator, so both say the same.
 */
public final class RouteFileChecker {

	private final RouteFileParser parser = new RouteFileParser();

	private final RouteDefinitionValidator validator;

	private final RouteSpaces spaces;

	private final TeamGrants grants;

	private final Set<String> requiredCredentialFilters;

	/**
	 * Create a checker.
	 * @param validator builds routes through the gateway's factories
	 * @param spaces reads the hosts and paths a route claims
	 * @param grants which team owns each file and what it may claim
	 * @param requiredCredentialFilters filters of which every route needs one; empty when
	 * none is required
	 */
	public RouteFileChecker(RouteDefinitionValidator validator, RouteSpaces spaces, TeamGrants grants,
			Set<String> requiredCredentialFilters) {
		this.validator = validator;
		this.spaces = spaces;
		this.grants = grants;
		this.requiredCredentialFilters = Set.copyOf(requiredCredentialFilters);
	}

	/**
	 * A checker with the settings of {@code edge.routes.*}.
	 * @param validator builds routes through the gateway's factories
	 * @param spaces reads the hosts and paths a route claims
	 * @param properties the settings
	 * @return the checker
	 */
	public static RouteFileChecker of(RouteDefinitionValidator validator, RouteSpaces spaces,
			RoutesProperties properties) {
		return new RouteFileChecker(validator, spaces, TeamGrants.of(properties.getTeams()),
				properties.isRequireCredential() ? properties.getCredentialFilters() : Set.of());
	}

	/**
	 * The routes of the application's own configuration, as route files' checks see them.
	 * @param routes the application's routes
	 * @return their claims
	 */
	public List<ClaimedRoute> claimsOf(List<RouteDefinition> routes) {
		return routes.stream()
			.map((route) -> new ClaimedRoute(route.getId(), null, ClaimedRoute.APPLICATION, this.spaces.of(route)))
			.toList();
	}

	/**
	 * The route files of a directory: {@code *.yaml} and {@code *.yml} in it and in its
	 * subdirectories one level down (named {@code team/file.yaml}), not hidden ones
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
			for (Path entry : entries.filter((path) -> !hidden(path)).toList()) {
				if (Files.isDirectory(entry)) {
					try (Stream<Path> teamEntries = Files.list(entry)) {
						teamEntries.filter(RouteFileChecker::isRouteFile)
							.forEach((path) -> present.put(entry.getFileName() + "/" + path.getFileName(), path));
					}
				}
				else if (isRouteFile(entry)) {
					present.put(entry.getFileName().toString(), entry);
				}
			}
		}
		return present;
	}

	private static boolean hidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	private static boolean isRouteFile(Path path) {
		String name = path.getFileName().toString();
		return !hidden(path) && (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
	}

	/**
	 * Check a file.
	 * @param name the file's name
	 * @param text its text
	 * @param defaultFilters the filters every route gets
	 * @param others the routes that already serve, from the application and the other
	 * files
	 * @return the routes, what they claim, and every problem, each naming the file
	 */
	public Checked check(String name, String text, List<FilterDefinition> defaultFilters, List<ClaimedRoute> others) {
		RouteFileParser.Parsed parsed = this.parser.parse(name, text);
		List<String> problems = new ArrayList<>(parsed.problems());
		List<ClaimedRoute> claims = new ArrayList<>();
		TeamGrants.Grant grant = this.grants.grantOf(name);
		if (this.grants.enforced() && grant == null) {
			problems.add(name + ": no team is granted this file (edge.routes.teams.<team>.files)");
		}
		String owner = (grant != null) ? grant.team() : name;
		for (RouteDefinition route : parsed.routes()) {
			String at = name + ":" + parsed.lines().get(route.getId()) + ": ";
			String prefix = at + "route '" + route.getId() + "': ";
			route.getMetadata().put(PrecedenceRouteDefinitionLocator.ROUTE_FILE_METADATA, name);
			this.validator.validate(route, defaultFilters).forEach((problem) -> problems.add(at + problem));
			if (!this.requiredCredentialFilters.isEmpty() && !RouteAuth.isPublic(route.getMetadata())
					&& route.getFilters()
						.stream()
						.noneMatch((filter) -> this.requiredCredentialFilters.contains(filter.getName()))) {
				problems.add(prefix + "filters: a credential filter is required (one of "
						+ new TreeSet<>(this.requiredCredentialFilters) + ")");
			}
			ClaimedRoute claim = new ClaimedRoute(route.getId(), owner, name, this.spaces.of(route));
			if (grant != null) {
				grant.confine(claim.space()).forEach((problem) -> problems.add(prefix + problem));
			}
			for (ClaimedRoute other : others) {
				if (other.id().equals(route.getId())) {
					problems.add(prefix + "id: already declared in " + other.source());
				}
				else if (other.owner() == null && shadowedBy(claim, other)) {
					problems.add(prefix + "is never reached where it overlaps route '" + other.id() + "' of "
							+ other.source() + ", which is as specific or more and wins; make its Host or Path "
							+ "more specific");
				}
				else if (other.owner() != null && !owner.equals(other.owner())
						&& claim.space().overlaps(other.space())) {
					problems.add(prefix + "claims requests that route '" + other.id() + "' in " + other.source()
							+ " also claims; routes of different teams never overlap");
				}
			}
			claims.add(claim);
		}
		return new Checked(parsed.routes(), List.copyOf(claims), problems);
	}

	private static boolean shadowedBy(ClaimedRoute route, ClaimedRoute application) {
		return route.space().overlaps(application.space())
				&& route.space().specificity().compareTo(application.space().specificity()) >= 0;
	}

	/**
	 * A checked file.
	 *
	 * @param routes the routes it declares, but for those the schema refused: all of them
	 * when it applies
	 * @param claims what they claim, for the checks of the files after it
	 * @param problems why it cannot apply, empty when it can
	 */
	public record Checked(List<RouteDefinition> routes, List<ClaimedRoute> claims, List<String> problems) {
	}

}
