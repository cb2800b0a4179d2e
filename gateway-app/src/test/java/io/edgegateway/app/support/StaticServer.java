package io.edgegateway.app.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that answers every request with one fixed response: a page
 * served from an origin other than the gateway's, or an upstream that sends headers of
 * its own.
 */
public final class StaticServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger received = new AtomicInteger();

	private StaticServer(String contentType, String body, Map<String, String> headers) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/", (exchange) -> {
			this.received.incrementAndGet();
			try (exchange) {
				exchange.getResponseHeaders().set("Content-Type", contentType);
				exchange.getResponseHeaders().set("Connection", "close");
				headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				exchange.sendResponseHeaders(200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		});
		this.server.start();
	}

	/**
	 * Start a server.
	 * @param contentType the response's content type
	 * @param body the response's body
	 * @param headers further response headers
	 * @return the running server
	 */
	public static StaticServer start(String contentType, String body, Map<String, String> headers) {
		return new StaticServer(contentType, body, headers);
	}

	/**
	 * The server's origin, as a browser names it.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * How many requests the server has answered.
	 * @return the count
	 */
	public int received() {
		return this.received.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
