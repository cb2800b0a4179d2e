package io.edgegateway.app.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgegateway.routes.file.RouteFilesLocator;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * {@code /actuator/routefiles} on the management port: every route file, whether it
 * applies or was rejected (with every problem), and the routes it serves with their
 * source file and credential mode.
 */
@Endpoint(id = "routefiles")
public class RouteFilesEndpoint {

	private static final Set<String> CREDENTIAL_FILTERS = Set.of("TokenRelay", "TokenExchange", "OnBehalfOf",
			"DelegatedServiceAccount", "ServiceAccount");

	private final RouteFilesLocator files;

	public RouteFilesEndpoint(RouteFilesLocator files) {
		this.files = files;
	}

	@ReadOperation
	public Map<String, Object> files() {
		Map<String, Object> result = new LinkedHashMap<>();
		this.files.files().forEach((name, state) -> {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("state", state.problems().isEmpty() ? "applied" : "rejected");
			file.put("problems", state.problems());
			file.put("routes", state.applied().stream().map(RouteFilesEndpoint::describe).toList());
			result.put(name, file);
		});
		return result;
	}

	private static Map<String, Object> describe(RouteDefinition route) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("id", route.getId());
		description.put("uri", String.valueOf(route.getUri()));
		List<String> credentials = route.getFilters()
			.stream()
			.map(FilterDefinition::getName)
			.filter(CREDENTIAL_FILTERS::contains)
			.toList();
		description.put("credential", credentials.isEmpty() ? "none" : String.join(",", credentials));
		return description;
	}

}
