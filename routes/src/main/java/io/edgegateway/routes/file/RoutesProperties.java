package io.edgegateway.routes.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where platform teams' route files are and how often they are read again.
 */
@ConfigurationProperties("edge.routes")
public class RoutesProperties {

	/**
	 * Directory of route files ({@code *.yaml}, {@code *.yml}); in Kubernetes a mounted
	 * ConfigMap. Default none: only routes from the application's configuration.
	 */
	private @Nullable Path directory;

	/**
	 * How often the directory is read again for changes. Default 2s.
	 */
	private Duration reloadInterval = Duration.ofSeconds(2);

	/**
	 * Whether every route in a route file must declare a credential filter, so no route
	 * reaches its upstream without the credential a platform team chose; a public route
	 * ({@code metadata.auth: public}) has chosen none. Default {@code false}.
	 */
	private boolean requireCredential;

	/**
	 * The filters that count as a credential filter. Default the gateway's five
	 * credential modes.
	 */
	private Set<String> credentialFilters = new LinkedHashSet<>(
			List.of("TokenRelay", "TokenExchange", "OnBehalfOf", "DelegatedServiceAccount", "ServiceAccount"));

	/**
	 * The teams that own route files, by name: which files each owns and which hosts and
	 * path prefixes its routes may claim. Default none: every file may claim any host and
	 * path, and no two files may claim the same requests at the same precedence.
	 */
	private Map<String, Team> teams = new LinkedHashMap<>();

	public Map<String, Team> getTeams() {
		return this.teams;
	}

	public void setTeams(Map<String, Team> teams) {
		this.teams = teams;
	}

	public boolean isRequireCredential() {
		return this.requireCredential;
	}

	public void setRequireCredential(boolean requireCredential) {
		this.requireCredential = requireCredential;
	}

	public Set<String> getCredentialFilters() {
		return this.credentialFilters;
	}

	public void setCredentialFilters(Set<String> credentialFilters) {
		this.credentialFilters = credentialFilters;
	}

	public @Nullable Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(@Nullable Path directory) {
		this.directory = directory;
	}

	public Duration getReloadInterval() {
		return this.reloadInterval;
	}

	public void setReloadInterval(Duration reloadInterval) {
		this.reloadInterval = reloadInterval;
	}

	/**
	 * What one team may declare.
	 */
	public static class Team {

		/**
		 * The team's route files: a file name in the directory ({@code payments.yaml}),
		 * or a subdirectory ending in {@code /} ({@code payments/}) for every file in it.
		 */
		private List<String> files = new ArrayList<>();

		/**
		 * The path prefixes the team's routes may claim, such as {@code /api/payments}
		 * (that path and everything below it); {@code /} for every path.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * The hosts the team's routes may claim: exact names, or {@code *.example.com}
		 * for every name below {@code example.com}. Default none: any host, and a route
		 * needs no {@code Host} predicate.
		 */
		private List<String> hosts = new ArrayList<>();

		public List<String> getFiles() {
			return this.files;
		}

		public void setFiles(List<String> files) {
			this.files = files;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getHosts() {
			return this.hosts;
		}

		public void setHosts(List<String> hosts) {
			this.hosts = hosts;
		}

	}

}
