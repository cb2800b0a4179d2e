package io.edgegateway.app.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The route examples of a documentation page, read as the gateway reads route
 * configuration, so a test can build them: every YAML block that is a {@code routes:}
 * list, and every {@code filters:} list, as a route of its own.
 */
public final class DocExamples {

	private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

	private DocExamples() {
	}

	/**
	 * The routes a page's examples declare.
	 * @param page the Markdown page
	 * @param uri the URI given to routes built from bare {@code filters:} examples
	 * @return the routes
	 * @throws IOException if the page cannot be read
	 */
	public static List<RouteDefinition> routes(Path page, URI uri) throws IOException {
		List<RouteDefinition> routes = new ArrayList<>();
		for (String yaml : acceptedBlocks(page)) {
			Binder binder = binder(yaml);
			if (yaml.startsWith("routes:")) {
				routes.addAll(binder.bind("routes", Bindable.listOf(RouteDefinition.class)).get());
			}
			else if (yaml.startsWith("filters:")) {
				RouteDefinition route = new RouteDefinition();
				route.setId("docs-example-" + routes.size());
				route.setUri(uri);
				route.setPredicates(List.of(new PredicateDefinition("Path=/" + route.getId() + "/**")));
				route.setFilters(binder.bind("filters", Bindable.listOf(FilterDefinition.class)).get());
				routes.add(route);
			}
		}
		return routes;
	}

	/**
	 * Every YAML block of a documentation page, in the page's order.
	 * @param page the Markdown page
	 * @return the blocks' text
	 * @throws IOException if the page cannot be read
	 */
	public static List<String> yamlBlocks(Path page) throws IOException {
		Matcher matcher = YAML_BLOCK.matcher(Files.readString(page));
		List<String> blocks = new ArrayList<>();
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	/**
	 * The YAML blocks of a page but its counter-examples: those the page follows with "is
	 * rejected with" and the problems it shows.
	 * @param page the Markdown page
	 * @return the blocks' text
	 * @throws IOException if the page cannot be read
	 */
	private static List<String> acceptedBlocks(Path page) throws IOException {
		String text = Files.readString(page);
		Matcher matcher = YAML_BLOCK.matcher(text);
		List<String> blocks = new ArrayList<>();
		while (matcher.find()) {
			if (!text.substring(matcher.end()).stripLeading().startsWith("is rejected with")) {
				blocks.add(matcher.group(1));
			}
		}
		return blocks;
	}

	private static Binder binder(String yaml) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(yaml.getBytes()));
		return new Binder(ConfigurationPropertySources.from(sources), null,
				ApplicationConversionService.getSharedInstance());
	}

}
