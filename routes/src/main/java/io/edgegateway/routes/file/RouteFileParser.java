package io.edgegateway.routes.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Reads a route file: {@code routes:} in Spring Cloud Gateway's own route syntax. The
 * file is first checked against the shipped JSON Schema, so a misspelt key is an error
 * rather than a silent no-op, then bound as the gateway binds its configured routes.
 * Every problem names the file and its line: {@code team-a.yaml:7: route 'orders':
 * unknown key 'url' (did you mean 'uri'?)}.
 */
public final class RouteFileParser {

	private final RouteFileSchema schema = RouteFileSchema.shipped();

	/**
	 * Parse a file's text.
	 * @param name the file's name, for messages
	 * @param text the file's text
	 * @return the routes and every problem found
	 */
	public Parsed parse(String name, String text) {
		RouteFileYaml yaml;
		try {
			yaml = RouteFileYaml.read(text);
		}
		catch (YAMLException ex) {
			return new Parsed(List.of(), Map.of(), List.of(notYaml(name, ex)));
		}
		List<RouteFileSchema.Violation> violations = this.schema.validate(yaml);
		List<String> problems = new ArrayList<>();
		violations.forEach((violation) -> problems.add(name + ":" + violation.line() + ": " + violation.message()));
		List<RouteDefinition> routes = List.of();
		try {
			routes = bind(name, text);
		}
		catch (IllegalArgumentException ex) {
			// A value the schema refused may fail to bind as well: say it once, as the
			// schema does.
			if (violations.isEmpty()) {
				problems.add(ex.getMessage());
			}
		}
		List<RouteDefinition> sound = new ArrayList<>();
		Map<String, Integer> lines = new HashMap<>();
		for (int index = 0; index < routes.size(); index++) {
			int route = index;
			if (violations.stream().noneMatch((violation) -> violation.concernsRoute(route))) {
				sound.add(routes.get(index));
				lines.put(routes.get(index).getId(), yaml.line(List.of("routes", index)));
			}
		}
		return new Parsed(sound, lines, problems);
	}

	private static List<RouteDefinition> bind(String name, String text) {
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load(name, new ByteArrayResource(text.getBytes()));
		}
		catch (IOException | YAMLException ex) {
			throw new IllegalArgumentException(notYaml(name, ex), ex);
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(sources), null,
				ApplicationConversionService.getSharedInstance());
		try {
			return binder.bind("routes", Bindable.listOf(RouteDefinition.class)).orElse(List.of());
		}
		catch (BindException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			ConfigurationProperty property = ex.getProperty();
			String where = (property != null) ? line(property.getOrigin()) + ": " + property.getName()
					: ": " + ex.getName();
			throw new IllegalArgumentException(name + where + ": " + cause.getMessage(), ex);
		}
	}

	private static String notYaml(String name, Exception ex) {
		if (ex instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
			return name + ":" + (marked.getProblemMark().getLine() + 1) + ": not valid YAML: " + marked.getProblem();
		}
		return name + ": not valid YAML: " + String.valueOf(ex.getMessage()).replace('\n', ' ').trim();
	}

	private static String line(@Nullable Origin origin) {
		Origin at = (origin instanceof PropertySourceOrigin source) ? source.getOrigin() : origin;
		if (at instanceof TextResourceOrigin text && text.getLocation() != null) {
			return ":" + (text.getLocation().getLine() + 1);
		}
		return "";
	}

	/**
	 * A parsed file.
	 *
	 * @param routes the routes that bound and that the schema found nothing wrong with,
	 * so they can be checked further: all of them when there are no problems
	 * @param lines the line each of those routes starts on, by route id
	 * @param problems why the file cannot apply, each naming the file and, where known,
	 * the line; empty when it can
	 */
	public record Parsed(List<RouteDefinition> routes, Map<String, Integer> lines, List<String> problems) {

		public Parsed {
			routes = List.copyOf(routes);
			lines = Map.copyOf(lines);
			problems = List.copyOf(problems);
		}

	}

}
