package io.edgegateway.routes.file;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A place in a route file as its author would name it: the route by its id, a predicate
 * or filter by its name, then the keys below, e.g. {@code route 'orders': filter
 * TokenExchange: args: }. Where there is no name to give, the index does:
 * {@code routes[2]: }, {@code filters[1]: }.
 */
final class RouteFilePlace {

	private RouteFilePlace() {
	}

	/**
	 * Name a place.
	 * @param path keys ({@link String}) and list indexes ({@link Integer}) from the
	 * document's root
	 * @param document the file as JSON, for the names
	 * @return the place followed by {@code ": "}, empty for the document itself
	 */
	static String of(List<Object> path, JsonNode document) {
		StringBuilder place = new StringBuilder();
		int next = 0;
		if (path.size() >= 2 && "routes".equals(path.get(0)) && path.get(1) instanceof Integer index) {
			JsonNode route = document.path("routes").path(index);
			JsonNode id = route.path("id");
			place.append(id.isString() ? "route '" + id.asString() + "'" : "routes[" + index + "]").append(": ");
			next = 2;
			if (path.size() >= 4 && path.get(2) instanceof String list && path.get(3) instanceof Integer item
					&& (list.equals("filters") || list.equals("predicates"))) {
				JsonNode name = route.path(list).path(item).path("name");
				String kind = list.substring(0, list.length() - 1);
				place.append(name.isString() ? kind + " " + name.asString() : list + "[" + item + "]").append(": ");
				next = 4;
			}
		}
		StringBuilder keys = new StringBuilder();
		for (Object element : path.subList(next, path.size())) {
			keys.append((element instanceof Integer) ? "[" + element + "]" : (keys.isEmpty() ? "" : ".") + element);
		}
		return keys.isEmpty() ? place.toString() : place.append(keys).append(": ").toString();
	}

}
