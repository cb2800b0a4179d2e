package io.edgegateway.routes.file;

import java.nio.file.Path;
import java.time.Duration;

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
