package io.edgegateway.routes.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
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
	 * reaches its upstream without the credential a platform team chose. Default
	 * {@code false}.
	 */
	private boolean requireCredential;

	/**
	 * The filters that count as a credential filter. Default the gateway's five
	 * credential modes.
	 */
	private Set<String> credentialFilters = new LinkedHashSet<>(
			List.of("TokenRelay", "TokenExchange", "OnBehalfOf", "DelegatedServiceAccount", "ServiceAccount"));

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

}
