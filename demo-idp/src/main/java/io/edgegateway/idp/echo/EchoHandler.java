package io.edgegateway.idp.echo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every request with what it received: an HTML page for browsers ({@code Accept}
 * contains {@code text/html}), otherwise JSON of the form {@code {"method", "path",
 * "query", "headers": {"name": ["value", ...]}, "body", "token": {claims} | null}}.
 */
final class EchoHandler implements HttpHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Request header that makes the echo answer with another status.
	 */
	static final String STATUS_HEADER = "X-Echo-Status";

	private final AtomicInteger received = new AtomicInteger();

	int received() {
		return this.received.get();
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		this.received.incrementAndGet();
		try (exchange) {
			ReceivedRequest request = ReceivedRequest.read(exchange);
			if (request.acceptsHtml()) {
				respond(exchange, "text/html; charset=utf-8",
						EchoHtmlPage.render(request, JSON.writerWithDefaultPrettyPrinter()::writeValueAsString)
							.getBytes(StandardCharsets.UTF_8));
			}
			else {
				respond(exchange, "application/json", JSON.writeValueAsBytes(asJson(request)));
			}
		}
	}

	/**
	 * The status to answer with: {@code 200}, or what the caller asks for in
	 * {@code X-Echo-Status} (e.g. {@code 401}, to play an upstream that rejects the token
	 * it received).
	 */
	private static int status(HttpExchange exchange) {
		String asked = exchange.getRequestHeaders().getFirst(STATUS_HEADER);
		if (asked != null && asked.matches("[1-5][0-9][0-9]")) {
			return Integer.parseInt(asked);
		}
		return 200;
	}

	private static Map<String, Object> asJson(ReceivedRequest request) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("method", request.method());
		json.put("path", request.path());
		json.put("query", request.query());
		json.put("headers", request.headers());
		json.put("body", request.body());
		json.put("token", request.token());
		return json;
	}

	private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		// One request per connection: the JDK server can miss a request that arrives on a
		// kept-alive connection
		// while it re-registers it (seen as a request the server never reads), which
		// would hang the caller.
		exchange.getResponseHeaders().set("Connection", "close");
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status(exchange), head ? -1 : body.length);
		if (!head) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
