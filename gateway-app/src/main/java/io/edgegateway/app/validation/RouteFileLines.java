package io.edgegateway.app.validation;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where things are in a route file, so a finding can name its line: the line each entry
 * of {@code routes:} starts on, and the line where the file stops being valid YAML.
 */
final class RouteFileLines {

	private final List<Route> routes;

	private final @Nullable Integer syntaxError;

	private RouteFileLines(List<Route> routes, @Nullable Integer syntaxError) {
		this.routes = List.copyOf(routes);
		this.syntaxError = syntaxError;
	}

	/**
	 * Read a file's text.
	 * @param text the text
	 * @return its lines
	 */
	static RouteFileLines of(String text) {
		List<Route> routes = new ArrayList<>();
		try {
			for (Node document : new Yaml().composeAll(new StringReader(text))) {
				SequenceNode entries = routesOf(document);
				if (entries != null) {
					for (Node entry : entries.getValue()) {
						routes.add(new Route(idOf(entry), entry.getStartMark().getLine() + 1));
					}
				}
			}
		}
		catch (MarkedYAMLException ex) {
			return new RouteFileLines(routes, (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : null);
		}
		catch (YAMLException ex) {
			return new RouteFileLines(routes, null);
		}
		return new RouteFileLines(routes, null);
	}

	/**
	 * The line of the first route with an id.
	 * @param id the route's id
	 * @return its line, or {@code null} if the file has no such route
	 */
	@Nullable Integer ofRoute(String id) {
		return this.routes.stream().filter((route) -> id.equals(route.id())).map(Route::line).findFirst().orElse(null);
	}

	/**
	 * The entry {@code routes[index]}.
	 * @param index its index
	 * @return its id and line, or {@code null} if there is no such entry
	 */
	@Nullable Route at(int index) {
		return (index < this.routes.size()) ? this.routes.get(index) : null;
	}

	/**
	 * Where the file stops being valid YAML.
	 * @return the line, or {@code null} if it is valid
	 */
	@Nullable Integer syntaxError() {
		return this.syntaxError;
	}

	private static @Nullable SequenceNode routesOf(@Nullable Node document) {
		if (document instanceof MappingNode mapping) {
			for (NodeTuple entry : mapping.getValue()) {
				if (entry.getKeyNode() instanceof ScalarNode key && "routes".equals(key.getValue())
						&& entry.getValueNode() instanceof SequenceNode routes) {
					return routes;
				}
			}
		}
		return null;
	}

	private static @Nullable String idOf(Node entry) {
		if (entry instanceof MappingNode mapping) {
			for (NodeTuple field : mapping.getValue()) {
				if (field.getKeyNode() instanceof ScalarNode key && "id".equals(key.getValue())
						&& field.getValueNode() instanceof ScalarNode value) {
					return value.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * An entry of {@code routes:}.
	 *
	 * @param id its id, or {@code null} if it has none
	 * @param line the line it starts on, from 1
	 */
	record Route(@Nullable String id, int line) {
	}

}
