package io.edgegateway.app.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The examples of a documentation page, so a test can build them: every YAML block that
 * is a {@code routes:} list, and every {@code filters:} list, as a route of its own; and
 * the gateways a page describes, each a configuration block with the route examples after
 * it.
 */
public final class DocExamples {

	private static final Pattern YAML_BLOCK = block("yaml");

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
			String file = routeFile(yaml, "docs-example-" + routes.size(), uri);
			if (file != null) {
				routes.addAll(binder(file).bind("routes", Bindable.listOf(RouteDefinition.class)).get());
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
		return blocks(page, YAML_BLOCK);
	}

	/**
	 * Every block of a language of a documentation page, in the page's order.
	 * @param page the Markdown page
	 * @param language the block's language, e.g. {@code bash}
	 * @return the blocks' text
	 * @throws IOException if the page cannot be read
	 */
	public static List<String> blocks(Path page, String language) throws IOException {
		return blocks(page, block(language));
	}

	private static Pattern block(String language) {
		return Pattern.compile("```" + Pattern.quote(language) + "\\n(.*?)```", Pattern.DOTALL);
	}

	private static List<String> blocks(Path page, Pattern block) throws IOException {
		Matcher matcher = block.matcher(Files.readString(page));
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

	/**
	 * The route file a route example is: a {@code routes:} block as it is, a
	 * {@code filters:} block as the filters of one route of its own.
	 * @param yaml the block
	 * @param routeId the id of the route a {@code filters:} block is given
	 * @param uri the URI of that route
	 * @return the file's text, or {@code null} if the block is no route example
	 */
	private static @Nullable String routeFile(String yaml, String routeId, URI uri) {
		String body = yaml.replaceFirst("^(#[^\n]*\n)+", "");
		if (body.startsWith("routes:")) {
			return yaml;
		}
		if (body.startsWith("filters:")) {
			return """
					routes:
					  - id: %1$s
					    uri: %2$s
					    predicates: [ "Path=/%1$s/**" ]
					%3$s""".formatted(routeId, uri, body.indent(4));
		}
		return null;
	}

	private static Binder binder(String yaml) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(yaml.getBytes()));
		return new Binder(ConfigurationPropertySources.from(sources), null,
				ApplicationConversionService.getSharedInstance());
	}

	/**
	 * One gateway a page describes: a configuration example, and the route examples after
	 * it up to the next configuration example.
	 *
	 * @param name the page's name and the example's number, e.g. {@code okta-2}
	 * @param configuration the configuration example
	 * @param routeFiles the route examples as route files, by name: the name a first
	 * comment line gives ({@code # payments.yaml}), else
	 * {@code <name>-routes-<number>.yaml}
	 */
	public record Setup(String name, String configuration, Map<String, String> routeFiles) {

		private static final URI UPSTREAM = URI.create("https://upstream.example.com");

		private static final Pattern FILE_NAME = Pattern.compile("^# ([\\w./-]+\\.ya?ml)\\b");

		public Setup {
			routeFiles = Collections.unmodifiableMap(new LinkedHashMap<>(routeFiles));
		}

		/**
		 * The gateways a page describes, from its YAML blocks.
		 * @param page the page
		 * @return the gateways, in the page's order
		 * @throws IOException if the page cannot be read
		 * @throws IllegalStateException if a route example comes before any configuration
		 * example
		 */
		public static List<Setup> of(Path page) throws IOException {
			String base = page.getFileName().toString().replaceFirst("\\.md$", "");
			List<Setup> setups = new ArrayList<>();
			String configuration = null;
			Map<String, String> routeFiles = new LinkedHashMap<>();
			for (String yaml : acceptedBlocks(page)) {
				String name = base + "-" + (setups.size() + 1) + "-routes-" + (routeFiles.size() + 1);
				String routeFile = routeFile(yaml, name, UPSTREAM);
				if (routeFile != null) {
					if (configuration == null) {
						throw new IllegalStateException(page + ": a route example before any configuration example");
					}
					Matcher fileName = FILE_NAME.matcher(yaml);
					routeFiles.put(fileName.find() ? fileName.group(1) : name + ".yaml", routeFile);
				}
				else {
					if (configuration != null) {
						setups.add(new Setup(base + "-" + (setups.size() + 1), configuration, routeFiles));
					}
					configuration = yaml;
					routeFiles = new LinkedHashMap<>();
				}
			}
			if (configuration != null) {
				setups.add(new Setup(base + "-" + (setups.size() + 1), configuration, routeFiles));
			}
			return setups;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
