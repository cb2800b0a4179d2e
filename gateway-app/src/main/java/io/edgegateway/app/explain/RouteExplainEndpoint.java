package io.edgegateway.app.explain;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/routeexplain} on the management port: explains the gateway's
 * routing decision for a request and a user's claims ({@link RouteExplainer}), given as
 * query parameters, the claims and headers as JSON objects. It calls no upstream and no
 * identity provider.
 */
@Endpoint(id = "routeexplain")
public class RouteExplainEndpoint {

	private final RouteExplainer explainer;

	private final JsonMapper json;

	public RouteExplainEndpoint(RouteExplainer explainer, JsonMapper json) {
		this.explainer = explainer;
		this.json = json;
	}

	/**
	 * Explain a routing decision.
	 * @param method the method, {@code GET} when absent
	 * @param host the {@code Host} header, absent for none
	 * @param path the path as sent, optionally with a query string
	 * @param headers further headers, a JSON object: a value or a list of values per name
	 * @param claims the user's claims, a JSON object, as a verified token would carry
	 * them; absent for a request without a user
	 * @return the explanation
	 */
	@ReadOperation
	public Mono<RouteExplanation> explain(@Nullable String method, @Nullable String host, String path,
			@Nullable String headers, @Nullable String claims) {
		try {
			return this.explainer
				.explain(ExplainRequest.of(method, host, path, object("headers", headers), object("claims", claims)));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> object(String parameter, @Nullable String text) {
		if (text == null) {
			return Map.of();
		}
		try {
			Map<String, Object> object = this.json.readValue(text, Map.class);
			return (object != null) ? object : Map.of();
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(parameter + ": not a JSON object: " + ex.getOriginalMessage());
		}
	}

}
