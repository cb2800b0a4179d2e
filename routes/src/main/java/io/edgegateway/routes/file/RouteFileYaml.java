package io.edgegateway.routes.file;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A route file's YAML read once by SnakeYAML, as Spring Boot reads it for binding
 * (duplicate keys refused, merge keys applied, timestamps left as text): seen as JSON for
 * the schema, and asked for the line of any place in it.
 */
final class RouteFileYaml {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable Node root;

	private final JsonNode json;

	private RouteFileYaml(@Nullable Node root, JsonNode json) {
		this.root = root;
		this.json = json;
	}

	/**
	 * Read a file's text.
	 * @param text the text
	 * @return the document; an empty text is an empty object
	 * @throws YAMLException if the text is not valid YAML, a {@link MarkedYAMLException}
	 * where SnakeYAML knows the place
	 */
	static RouteFileYaml read(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		Values values = new Values(options);
		Node root = new Yaml(values).compose(new StringReader(text));
		JsonNode json = (root != null) ? values.toJson(root, Collections.newSetFromMap(new IdentityHashMap<>()))
				: NODES.objectNode();
		return new RouteFileYaml(root, json);
	}

	/**
	 * The document as JSON.
	 * @return the JSON tree
	 */
	JsonNode json() {
		return this.json;
	}

	/**
	 * The line of a place: the line of the key that names it, or, for a list item or the
	 * document, of its first token; the deepest existing place on the way when the path
	 * goes further than the document.
	 * @param path keys ({@link String}) and list indexes ({@link Integer}) from the
	 * document's root
	 * @return the line, from 1
	 */
	int line(List<Object> path) {
		Node node = this.root;
		if (node == null) {
			return 1;
		}
		Mark mark = node.getStartMark();
		for (Object element : path) {
			Node child = null;
			if (node instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode key
							&& key.getValue().equals(String.valueOf(element))) {
						child = tuple.getValueNode();
						mark = key.getStartMark();
					}
				}
			}
			else if (node instanceof SequenceNode sequence && element instanceof Integer index
					&& index < sequence.getValue().size()) {
				child = sequence.getValue().get(index);
				mark = child.getStartMark();
			}
			if (child == null) {
				break;
			}
			node = child;
		}
		return mark.getLine() + 1;
	}

	/**
	 * Turns nodes into JSON with SnakeYAML's own reading of each plain value, so the
	 * schema sees the types the binder sees.
	 */
	private static final class Values extends SafeConstructor {

		Values(LoaderOptions options) {
			super(options);
		}

		JsonNode toJson(Node node, Set<Node> enclosing) {
			if (!enclosing.add(node)) {
				// An alias inside the node it names: SnakeYAML composes it, but no binder
				// can flatten it.
				throw new Unreadable("an alias names a node that contains it", node.getStartMark());
			}
			try {
				if (node instanceof MappingNode mapping) {
					flattenMapping(mapping);
					ObjectNode object = NODES.objectNode();
					for (NodeTuple tuple : mapping.getValue()) {
						object.set(String.valueOf(constructObject(tuple.getKeyNode())),
								toJson(tuple.getValueNode(), enclosing));
					}
					return object;
				}
				if (node instanceof SequenceNode sequence) {
					ArrayNode array = NODES.arrayNode();
					sequence.getValue().forEach((item) -> array.add(toJson(item, enclosing)));
					return array;
				}
				return scalar((ScalarNode) node);
			}
			finally {
				enclosing.remove(node);
			}
		}

		/**
		 * SnakeYAML's reading of a node, keys included, where a value its tag cannot read
		 * ({@code !!int abc}) is a YAML problem at its place, not a bare
		 * {@link NumberFormatException}.
		 */
		@Override
		protected Object constructObject(Node node) {
			try {
				return super.constructObject(node);
			}
			catch (YAMLException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				String value = (node instanceof ScalarNode scalar) ? "'" + scalar.getValue() + "'" : "the value";
				throw new Unreadable(
						"cannot read " + value + " as " + node.getTag().getValue().replace(Tag.PREFIX, "!!"),
						node.getStartMark());
			}
		}

		private JsonNode scalar(ScalarNode node) {
			Tag tag = node.getTag();
			if (Tag.NULL.equals(tag) || Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
				return JSON.valueToTree(constructObject(node));
			}
			return NODES.stringNode(node.getValue());
		}

	}

	/**
	 * YAML that SnakeYAML composes but that cannot be read as values.
	 */
	private static final class Unreadable extends MarkedYAMLException {

		Unreadable(String problem, Mark mark) {
			super(null, null, problem, mark);
		}

	}

}
