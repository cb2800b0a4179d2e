package io.edgegateway.routes.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.routes.precedence.RouteSpace;
import io.edgegateway.routes.precedence.SegmentPattern;
import org.jspecify.annotations.Nullable;

/**
 * Which team owns each route file and what its routes may claim
 * ({@code edge.routes.teams}), after the model of Kubernetes Gateway API's
 * {@code allowedRoutes} and {@code hostnames}: a route must stay under one of its team's
 * path prefixes and, when the team is granted hosts, within those hosts. Without teams
 * every file is its own owner and may claim anything.
 */
public final class TeamGrants {

	private final Map<String, Grant> teams;

	private TeamGrants(Map<String, Grant> teams) {
		this.teams = teams;
	}

	/**
	 * The grants of {@code edge.routes.teams}, checked.
	 * @param teams the teams by name
	 * @return the grants
	 * @throws IllegalArgumentException naming every property that is wrong
	 */
	public static TeamGrants of(Map<String, RoutesProperties.Team> teams) {
		List<String> problems = new ArrayList<>();
		Map<String, String> fileOwners = new LinkedHashMap<>();
		Map<String, Grant> grants = new LinkedHashMap<>();
		teams.forEach((name, team) -> {
			String property = "edge.routes.teams." + name;
			if (team.getFiles().isEmpty()) {
				problems.add(property + ".files: names no file");
			}
			for (String file : team.getFiles()) {
				String other = fileOwners.putIfAbsent(file, name);
				if (other != null) {
					problems.add(property + ".files: '" + file + "' is already granted to team '" + other + "'");
				}
				if (file.isBlank() || file.startsWith("/") || file.contains("..")) {
					problems.add(property + ".files: '" + file
							+ "' must be a file name or a subdirectory of edge.routes.directory");
				}
			}
			if (team.getPaths().isEmpty()) {
				problems.add(property + ".paths: names no path prefix (use '/' for every path)");
			}
			for (String path : team.getPaths()) {
				if (!path.startsWith("/") || path.contains("*") || path.contains("{") || path.contains("?")) {
					problems.add(property + ".paths: '" + path
							+ "' must be a path prefix without wildcards, such as /api/payments");
				}
			}
			for (String host : team.getHosts()) {
				if (host.substring(host.startsWith("*.") ? 2 : 0).matches(".*[*?{}/].*|")) {
					problems.add(property + ".hosts: '" + host
							+ "' must be a host name or *.example.com (every name below example.com)");
				}
			}
			grants.put(name, new Grant(name, List.copyOf(team.getFiles()), List.copyOf(team.getPaths()),
					List.copyOf(team.getHosts())));
		});
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid route file grants:\n - " + String.join("\n - ", problems));
		}
		return new TeamGrants(grants);
	}

	/**
	 * Whether teams are configured, so that every file needs a grant.
	 * @return {@code true} with teams
	 */
	public boolean enforced() {
		return !this.teams.isEmpty();
	}

	/**
	 * The grant of the team that owns a file.
	 * @param file the file's name in the directory ({@code payments/orders.yaml} for a
	 * file in a subdirectory)
	 * @return the grant, or {@code null} if no team is granted the file
	 */
	public @Nullable Grant grantOf(String file) {
		for (Grant grant : this.teams.values()) {
			for (String granted : grant.files()) {
				if (granted.equals(file) || granted.endsWith("/") && file.startsWith(granted)
						&& file.indexOf('/', granted.length()) < 0) {
					return grant;
				}
			}
		}
		return null;
	}

	/**
	 * What one team may claim.
	 *
	 * @param team the team's name
	 * @param files its files and subdirectories
	 * @param paths its path prefixes
	 * @param hosts its hosts, empty for any
	 */
	public record Grant(String team, List<String> files, List<String> paths, List<String> hosts) {

		/**
		 * Why a route does not stay within the grant.
		 * @param space the route's hosts and paths
		 * @return the problems, empty if it stays within
		 */
		public List<String> confine(RouteSpace space) {
			List<String> problems = new ArrayList<>();
			List<SegmentPattern> prefixes = this.paths.stream().map(SegmentPattern::path).toList();
			if (space.paths().isEmpty() && prefixes.stream().noneMatch((prefix) -> prefix.segments().isEmpty())) {
				problems.add("predicates: needs a Path predicate under team '" + this.team + "''s paths " + this.paths);
			}
			for (SegmentPattern path : space.paths()) {
				if (prefixes.stream().noneMatch(path::within)) {
					problems.add("predicates: Path '" + path.pattern() + "' is outside team '" + this.team
							+ "''s paths " + this.paths);
				}
			}
			if (!this.hosts.isEmpty()) {
				List<SegmentPattern> granted = this.hosts.stream().map(SegmentPattern::hostGrant).toList();
				if (space.hosts().isEmpty()) {
					problems.add(
							"predicates: needs a Host predicate within team '" + this.team + "''s hosts " + this.hosts);
				}
				for (SegmentPattern host : space.hosts()) {
					if (granted.stream().noneMatch(host::within)) {
						problems.add("predicates: Host '" + host.pattern() + "' is outside team '" + this.team
								+ "''s hosts " + this.hosts);
					}
				}
			}
			return problems;
		}

	}

}
