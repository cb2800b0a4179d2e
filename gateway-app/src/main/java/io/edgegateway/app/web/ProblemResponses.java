package io.edgegateway.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.tracing.RequestTraces;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@code application/problem+json} responses (RFC 9457) for the gateway's own
 * refusals, with the request id (and, when requests are traced, the trace id), so a
 * client and an operator can find the same request in the logs and the traces.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
@Component
public class ProblemResponses {

	private final JsonMapper jsonMapper;

	private final RequestTraces traces;

	public ProblemResponses(JsonMapper jsonMapper, RequestTraces traces) {
		this.jsonMapper = jsonMapper;
		this.traces = traces;
	}

	/**
	 * Write a problem as the response.
	 * @param exchange the exchange
	 * @param problem the problem; its status becomes the response status
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		String requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		String traceId = this.traces.traceId(exchange);
		if (traceId != null) {
			body.put("traceId", traceId);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setRawStatusCode(problem.getStatus());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(body));
		return response.writeWith(Mono.just(buffer));
	}

}
