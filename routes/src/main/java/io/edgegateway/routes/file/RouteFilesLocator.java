package io.edgegateway.routes.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The routes of a directory of route files, one file per team. Each file is validated as
 * a whole with the gateway's own factories; a file that fails is rejected and its last
 * good version keeps serving, while the other files apply. The directory is read again
 * every {@code reload-interval}: added, changed and removed files take effect without a
 * restart, including Kubernetes' swap of a ConfigMap's files behind the {@code ..data}
 * link.
 */
public final class RouteFilesLocator implements RouteDefinitionLocator, SmartInitializingSingleton, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RouteFilesLocator.class);

	private final Path directory;

	private final Duration reloadInterval;

	private final RouteFileChecker checker;

	private final Supplier<List<FilterDefinition>> defaultFilters;

	private final List<ClaimedRoute> applicationRoutes;

	private final ApplicationEventPublisher events;

	private final Map<String, FileState> files = new TreeMap<>();

	private volatile List<RouteDefinition> routes = List.of();

	private volatile Disposable polling;

	/**
	 * Create a locator.
	 * @param directory the directory of route files
	 * @param reloadInterval how often it is read again
	 * @param checker checks each file
	 * @param defaultFilters the filters every route gets
	 * @param applicationRoutes the routes of the application's own configuration, which
	 * no file may contend with
	 * @param events where route refreshes are published
	 */
	public RouteFilesLocator(Path directory, Duration reloadInterval, RouteFileChecker checker,
			Supplier<List<FilterDefinition>> defaultFilters, List<ClaimedRoute> applicationRoutes,
			ApplicationEventPublisher events) {
		this.directory = directory;
		this.reloadInterval = reloadInterval;
		this.checker = checker;
		this.defaultFilters = defaultFilters;
		this.applicationRoutes = List.copyOf(applicationRoutes);
		this.events = events;
	}

	@Override
	public Flux<RouteDefinition> getRouteDefinitions() {
		return Flux.fromIterable(this.routes);
	}

	/**
	 * The state of each file, by name: what it applies and, if rejected, why.
	 * @return the files
	 */
	public synchronized Map<String, FileState> files() {
		return new LinkedHashMap<>(this.files);
	}

	/**
	 * Read the directory and apply what changed.
	 * @return whether the routes changed
	 */
	public synchronized boolean scan() {
		Map<String, Path> present = list();
		boolean changed = this.files.keySet().retainAll(present.keySet());
		for (Map.Entry<String, Path> file : present.entrySet()) {
			changed |= load(file.getKey(), file.getValue());
		}
		if (changed) {
			List<RouteDefinition> all = new ArrayList<>();
			this.files.values().forEach((state) -> all.addAll(state.applied()));
			this.routes = List.copyOf(all);
		}
		return changed;
	}

	private boolean load(String name, Path path) {
		String text;
		try {
			text = Files.readString(path);
		}
		catch (IOException ex) {
			logger.warn("Route file " + name + " cannot be read: " + ex.getMessage());
			return false;
		}
		FileState previous = this.files.get(name);
		if (previous != null && previous.text().equals(text)) {
			return false;
		}
		List<RouteDefinition> applied = (previous != null) ? previous.applied() : List.of();
		List<ClaimedRoute> claims = (previous != null) ? previous.claims() : List.of();
		RouteFileChecker.Checked checked = this.checker.check(name, text, this.defaultFilters.get(), othersThan(name));
		List<RouteDefinition> parsed = checked.routes();
		List<String> problems = checked.problems();
		if (problems.isEmpty()) {
			this.files.put(name, new FileState(text, parsed, checked.claims(), List.of()));
			logger.info("Route file " + name + " applied: " + parsed.stream().map(RouteDefinition::getId).toList());
			return true;
		}
		this.files.put(name, new FileState(text, applied, claims, problems));
		logger.warn("Route file " + name + " rejected, "
				+ ((previous != null) ? "its last good version keeps serving" : "none of its routes serve") + ":\n - "
				+ String.join("\n - ", problems));
		return false;
	}

	private List<ClaimedRoute> othersThan(String name) {
		List<ClaimedRoute> others = new ArrayList<>(this.applicationRoutes);
		this.files.forEach((file, state) -> {
			if (!file.equals(name)) {
				others.addAll(state.claims());
			}
		});
		return others;
	}

	private Map<String, Path> list() {
		try {
			return RouteFileChecker.list(this.directory);
		}
		catch (IOException ex) {
			logger.warn("Route directory " + this.directory + " cannot be listed: " + ex.getMessage());
			return Map.of();
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		scan();
	}

	@Override
	public void start() {
		this.polling = Flux.interval(this.reloadInterval, this.reloadInterval, Schedulers.boundedElastic())
			.onBackpressureDrop()
			.filter((tick) -> scan())
			.subscribe((tick) -> this.events.publishEvent(new RefreshRoutesEvent(this)));
	}

	@Override
	public void stop() {
		Disposable current = this.polling;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.polling;
		return current != null && !current.isDisposed();
	}

	/**
	 * A route file as last read.
	 *
	 * @param text its text
	 * @param applied the routes it serves: the file's, or its last good version's when it
	 * is rejected
	 * @param claims what the routes it serves claim
	 * @param problems why it was rejected, empty when it applies
	 */
	public record FileState(String text, List<RouteDefinition> applied, List<ClaimedRoute> claims,
			List<String> problems) {
	}

}
