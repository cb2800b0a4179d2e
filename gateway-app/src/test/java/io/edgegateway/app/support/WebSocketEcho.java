package io.edgegateway.app.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket upstream on {@code 127.0.0.1} (Reactor Netty): on every path it
 * accepts the handshake, sends one text message first, a JSON object of the handshake it
 * received ({@code path}, {@code headers} by lower-case name), then echoes every text
 * message it gets. It records the close status each socket ended with, as the upstream
 * saw it.
 */
public final class WebSocketEcho implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, BlockingQueue<WebSocketCloseStatus>> closes = new java.util.concurrent.ConcurrentHashMap<>();

	private final DisposableServer server;

	private WebSocketEcho() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			Map<String, List<String>> headers = new LinkedHashMap<>();
			request.requestHeaders()
				.forEach((header) -> headers
					.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), (name) -> new java.util.ArrayList<>())
					.add(header.getValue()));
			String handshake = JSON.writeValueAsString(Map.of("path", request.uri(), "headers", headers));
			return response.sendWebsocket((in, out) -> {
				BlockingQueue<WebSocketCloseStatus> closed = closesOf(request.uri());
				in.receiveCloseStatus().subscribe(closed::add);
				return out.sendString(Flux.concat(Mono.just(handshake), in.receive().asString()));
			});
		}).bindNow();
	}

	/**
	 * Start an echo upstream on a free port.
	 * @return the running upstream
	 */
	public static WebSocketEcho start() {
		return new WebSocketEcho();
	}

	/**
	 * The upstream's base URI.
	 * @return {@code ws://127.0.0.1:<port>}
	 */
	public String uri() {
		return "ws://127.0.0.1:" + this.server.port();
	}

	/**
	 * The next close status a socket of a path ended with, as the upstream saw it.
	 * @param path the socket's path
	 * @return the status, or {@code null} if none within 5 seconds
	 * @throws InterruptedException if interrupted while waiting
	 */
	public WebSocketCloseStatus nextClose(String path) throws InterruptedException {
		return closesOf(path).poll(5, TimeUnit.SECONDS);
	}

	private BlockingQueue<WebSocketCloseStatus> closesOf(String path) {
		return this.closes.computeIfAbsent(path, (key) -> new LinkedBlockingQueue<>());
	}

	/**
	 * The handshake the upstream received, from a socket's first message.
	 * @param firstMessage the first message the client got
	 * @return header values by lower-case name
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, List<String>> handshakeHeaders(String firstMessage) {
		return (Map<String, List<String>>) JSON.readValue(firstMessage, Map.class).get("headers");
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
