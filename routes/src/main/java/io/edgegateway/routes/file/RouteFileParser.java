package io.edgegateway.routes.file;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Reads a route file: {@code routes:} in Spring Cloud Gateway's own route syntax, bound
 * as the gateway binds its configured routes.
 */
public final class RouteFileParser {

	/**
	 * Parse a file's text.
	 * @param name the file's name, for messages
	 * @param text the file's text
	 * @return the routes it declares
	 * @throws IllegalArgumentException naming the file and, where YAML gives it, the line
	 */
	public List<RouteDefinition> parse(String name, String text) {
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load(name, new ByteArrayResource(text.getBytes()));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException(name + ": not valid YAML: " + firstLine(ex.getMessage()), ex);
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(sources), null,
				ApplicationConversionService.getSharedInstance());
		List<RouteDefinition> routes;
		try {
			routes = binder.bind("routes", Bindable.listOf(RouteDefinition.class)).orElse(List.of());
		}
		catch (BindException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalArgumentException(name + ": " + ex.getProperty().getName() + ": " + cause.getMessage(),
					ex);
		}
		for (int i = 0; i < routes.size(); i++) {
			// Spring Cloud Gateway gives a route without an id a random one; in a file
			// that is reviewed like code,
			// and whose routes are replaced by id on reload, an id is required.
			if (binder.bind("routes[" + i + "].id", String.class).orElse(null) == null) {
				throw new IllegalArgumentException(name + ": routes[" + i + "].id: is required");
			}
		}
		return routes;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		return message.replace('\n', ' ').trim();
	}

}
