package io.edgegateway.routes.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped JSON Schema ({@code schema/routes.schema.json}, the one editors use),
 * applied to a route file before it binds. Each violation becomes one message in the
 * words of the file's author, naming its line, route, predicate or filter and key, e.g.
 * {@code route 'orders': unknown key 'url' (did you mean 'uri'?)}.
 * <p>
 * The validator reports every branch of a {@code oneOf} (a filter is a shortcut string or
 * a {@code name}/{@code args} map): only the branch that fits the value's type is
 * reported, since the other one only says the type is not its own. Alternatives of
 * {@code anyOf} that each require a key are said as one: {@code 'audience' or 'resource'
 * is required}.
 */
final class RouteFileSchema {

	private static final String SHIPPED = "/schema/routes.schema.json";

	/**
	 * JSON Schema 2020-12, knowing the {@code patternErrorMessage} that editors (VS Code,
	 * the YAML language server) show for a pattern, and that is said here as well.
	 */
	private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
		.keyword(new AnnotationKeyword("patternErrorMessage"))
		.build();

	private final JsonNode document;

	private final Schema schema;

	/**
	 * A schema.
	 * @param document the schema's JSON (2020-12)
	 */
	private RouteFileSchema(JsonNode document) {
		this.document = document;
		this.schema = SchemaRegistry.withDefaultDialect(DIALECT).getSchema(document);
	}

	/**
	 * The schema shipped in this module, loaded once; a schema is safe to share between
	 * threads.
	 * @return the schema
	 */
	static RouteFileSchema shipped() {
		return Shipped.SCHEMA;
	}

	/**
	 * Check a file.
	 * @param yaml the file
	 * @return every violation, by line
	 */
	List<Violation> validate(RouteFileYaml yaml) {
		List<Error> errors = this.schema.validate(yaml.json());
		Set<Error> handled = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Violation> violations = new ArrayList<>();
		sayBranchesThatFit(errors, handled, violations, yaml);
		Map<NodePath, Set<String>> suggested = new HashMap<>();
		for (Error error : errors) {
			if (!handled.contains(error) && "additionalProperties".equals(error.getKeyword())) {
				handled.add(error);
				violations.add(unknownKey(error, suggested, yaml));
			}
		}
		sayAlternatives(errors, handled, suggested, violations, yaml);
		for (Error error : errors) {
			if (!handled.contains(error) && !isSuggested(error, suggested)) {
				violations.add(violation(error.getInstanceLocation(), describe(error), yaml));
			}
		}
		violations.sort(Comparator.comparingInt(Violation::line));
		return violations;
	}

	/**
	 * A filter or predicate is a shortcut string or a map, and {@code oneOf} reports
	 * both: keep the errors of the branch whose type the value has; when none has, say
	 * which types would do.
	 */
	private void sayBranchesThatFit(List<Error> errors, Set<Error> handled, List<Violation> violations,
			RouteFileYaml yaml) {
		List<Error> choices = errors.stream()
			.filter((error) -> "oneOf".equals(error.getKeyword()))
			.sorted(Comparator.comparingInt((Error error) -> error.getEvaluationPath().getNameCount()))
			.toList();
		for (Error choice : choices) {
			Map<Object, List<Error>> branches = branches(errors, choice);
			if (handled.contains(choice) || branches.isEmpty()) {
				// inside a branch that does not fit, or several branches fit: said as is
				continue;
			}
			handled.add(choice);
			Map<Object, List<Error>> misfits = new LinkedHashMap<>(branches);
			misfits.values()
				.removeIf((branch) -> branch.stream().noneMatch((error) -> isTypeMismatchAt(error, choice)));
			misfits.values().forEach(handled::addAll);
			if (misfits.size() == branches.size()) {
				List<String> expected = misfits.values()
					.stream()
					.flatMap(List::stream)
					.filter((error) -> isTypeMismatchAt(error, choice))
					.map((error) -> withArticle(error.getSchemaNode().asString()))
					.distinct()
					.toList();
				violations.add(violation(choice.getInstanceLocation(),
						"expected " + or(expected) + ", found " + found(choice.getInstanceNode()), yaml));
			}
		}
	}

	/**
	 * {@code anyOf} alternatives that each require a key are one requirement: one of the
	 * keys. Not said when an unknown key there looks like one of them.
	 */
	private void sayAlternatives(List<Error> errors, Set<Error> handled, Map<NodePath, Set<String>> suggested,
			List<Violation> violations, RouteFileYaml yaml) {
		Map<String, List<Error>> alternatives = errors.stream()
			.filter((error) -> !handled.contains(error) && "required".equals(error.getKeyword()))
			.filter((error) -> error.getEvaluationPath().contains("anyOf"))
			.collect(Collectors.groupingBy(
					(error) -> anyOfOf(error.getEvaluationPath()) + " at " + error.getInstanceLocation(),
					LinkedHashMap::new, Collectors.toList()));
		for (List<Error> required : alternatives.values()) {
			handled.addAll(required);
			if (required.stream().noneMatch((error) -> isSuggested(error, suggested))) {
				violations.add(violation(required.get(0).getInstanceLocation(),
						or(required.stream().map((error) -> "'" + error.getProperty() + "'").toList()) + " is required",
						yaml));
			}
		}
	}

	/**
	 * Whether a missing key is one an unknown key beside it was taken for: the
	 * misspelling is said once, as the unknown key.
	 */
	private static boolean isSuggested(Error error, Map<NodePath, Set<String>> suggested) {
		return "required".equals(error.getKeyword())
				&& suggested.getOrDefault(error.getInstanceLocation(), Set.of()).contains(error.getProperty());
	}

	private Violation unknownKey(Error error, Map<NodePath, Set<String>> suggested, RouteFileYaml yaml) {
		String key = error.getProperty();
		List<String> known = new ArrayList<>();
		schemaOf(error).path("properties").propertyNames().forEach(known::add);
		known.removeIf(error.getInstanceNode()::has);
		String suggestion = ClosestKey.to(key, known).map((closest) -> {
			suggested.computeIfAbsent(error.getInstanceLocation(), (location) -> new HashSet<>()).add(closest);
			return " (did you mean '" + closest + "'?)";
		}).orElse("");
		List<Object> at = path(error.getInstanceLocation());
		List<Object> keyAt = new ArrayList<>(at);
		keyAt.add(key);
		return new Violation(yaml.line(keyAt), at,
				RouteFilePlace.of(at, yaml.json()) + "unknown key '" + key + "'" + suggestion);
	}

	private String describe(Error error) {
		JsonNode value = error.getInstanceNode();
		JsonNode schema = schemaOf(error);
		return switch (error.getKeyword()) {
			case "required" -> "'" + error.getProperty() + "' is required";
			case "type" -> "expected " + withArticle(error.getSchemaNode().asString()) + ", found " + found(value);
			case "pattern" ->
				found(value) + " " + (schema.has("patternErrorMessage") ? schema.get("patternErrorMessage").asString()
						: "does not match " + error.getSchemaNode().asString());
			case "enum" -> found(value) + " is not one of: " + names(error.getSchemaNode());
			case "minLength", "minItems" ->
				(error.getSchemaNode().asInt() == 1) ? "must not be empty" : error.getMessage();
			case "minProperties" -> (error.getSchemaNode().asInt() == 1)
					? "needs at least one of: " + names(schema.path("properties")) : error.getMessage();
			default -> error.getMessage();
		};
	}

	private Violation violation(NodePath location, String message, RouteFileYaml yaml) {
		List<Object> at = path(location);
		return new Violation(yaml.line(at), at, RouteFilePlace.of(at, yaml.json()) + message);
	}

	/**
	 * The schema object a failing keyword belongs to, for what it knows beside the
	 * keyword: its properties, its pattern's message.
	 */
	private JsonNode schemaOf(Error error) {
		NodePath keyword = error.getSchemaLocation().getFragment();
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < keyword.getNameCount() - 1; i++) {
			pointer.append('/').append(keyword.getName(i).replace("~", "~0").replace("/", "~1"));
		}
		return this.document.at(JsonPointer.compile(pointer.toString()));
	}

	/**
	 * The errors of each branch of a {@code oneOf}, by branch: below it in the schema,
	 * and at or below its value in the file (every item of a list shares one evaluation
	 * path).
	 */
	private static Map<Object, List<Error>> branches(List<Error> errors, Error choice) {
		NodePath schemaPath = choice.getEvaluationPath();
		Map<Object, List<Error>> branches = new LinkedHashMap<>();
		for (Error error : errors) {
			NodePath path = error.getEvaluationPath();
			if (path.getNameCount() > schemaPath.getNameCount() && path.startsWith(schemaPath)
					&& error.getInstanceLocation().startsWith(choice.getInstanceLocation())) {
				branches.computeIfAbsent(path.getElement(schemaPath.getNameCount()), (index) -> new ArrayList<>())
					.add(error);
			}
		}
		return branches;
	}

	private static boolean isTypeMismatchAt(Error error, Error choice) {
		return "type".equals(error.getKeyword()) && error.getInstanceLocation().equals(choice.getInstanceLocation());
	}

	private static String anyOfOf(NodePath path) {
		StringBuilder prefix = new StringBuilder();
		int last = -1;
		for (int i = 0; i < path.getNameCount(); i++) {
			if ("anyOf".equals(path.getName(i))) {
				last = i;
			}
		}
		for (int i = 0; i <= last; i++) {
			prefix.append('/').append(path.getName(i));
		}
		return prefix.toString();
	}

	private static List<Object> path(NodePath location) {
		List<Object> path = new ArrayList<>();
		for (int i = 0; i < location.getNameCount(); i++) {
			path.add(location.getElement(i));
		}
		return path;
	}

	private static String found(JsonNode value) {
		if (value.isString()) {
			return "'" + value.asString() + "'";
		}
		if (value.isObject()) {
			return "a map";
		}
		if (value.isArray()) {
			return "a list";
		}
		return value.toString();
	}

	private static String withArticle(String type) {
		return switch (type) {
			case "object" -> "a map";
			case "array" -> "a list";
			case "integer" -> "an integer";
			case "null" -> "nothing";
			default -> "a " + type;
		};
	}

	private static String names(JsonNode node) {
		List<String> names = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((value) -> names.add(value.asString()));
		}
		else {
			node.propertyNames().forEach(names::add);
		}
		return String.join(", ", names);
	}

	private static String or(List<String> alternatives) {
		if (alternatives.size() == 1) {
			return alternatives.get(0);
		}
		return String.join(", ", alternatives.subList(0, alternatives.size() - 1)) + " or "
				+ alternatives.get(alternatives.size() - 1);
	}

	/**
	 * One thing the schema does not allow.
	 *
	 * @param line the line it is on, from 1
	 * @param path where: keys and list indexes from the document's root
	 * @param message what, naming the route and key
	 */
	record Violation(int line, List<Object> path, String message) {

		/**
		 * Whether it is about a route, so that route cannot be checked further.
		 * @param index the route's index in {@code routes}
		 * @return whether it is inside that route, or about the whole list
		 */
		boolean concernsRoute(int index) {
			return !this.path.isEmpty() && "routes".equals(this.path.get(0))
					&& (this.path.size() == 1 || Integer.valueOf(index).equals(this.path.get(1)));
		}

	}

	private static final class Shipped {

		static final RouteFileSchema SCHEMA = load();

		private static RouteFileSchema load() {
			try (InputStream in = RouteFileSchema.class.getResourceAsStream(SHIPPED)) {
				if (in == null) {
					throw new IllegalStateException(SHIPPED + " is not on the class path");
				}
				return new RouteFileSchema(JsonMapper.builder().build().readTree(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
