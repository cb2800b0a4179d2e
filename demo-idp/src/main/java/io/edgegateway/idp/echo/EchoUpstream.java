package io.edgegateway.idp.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny real HTTP server on {@code 127.0.0.1} that answers any method and path with what
 * it received: as JSON, or as a readable HTML page for browsers. The upstream of the
 * gateway's demo and tests.
 *
 * @see EchoHandler
 */
public final class EchoUpstream implements AutoCloseable {

	private static final String LOOPBACK = "127.0.0.1";

	private final HttpServer server;

	private final ExecutorService executor;

	private final EchoHandler handler;

	private EchoUpstream(HttpServer server, ExecutorService executor, EchoHandler handler) {
		this.server = server;
		this.executor = executor;
		this.handler = handler;
	}

	/**
	 * Starts an echo upstream.
	 * @param port the port, or 0 for a free one
	 * @return the running echo upstream
	 */
	public static EchoUpstream start(int port) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on " + LOOPBACK + ":" + port, ex);
		}
		ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
		server.setExecutor(executor);
		EchoHandler handler = new EchoHandler();
		server.createContext("/", handler);
		server.start();
		return new EchoUpstream(server, executor, handler);
	}

	/**
	 * The port the echo upstream listens on.
	 * @return the port, never 0
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * How many requests the echo upstream has received since it started: tests of request
	 * smuggling count what reached it.
	 * @return the count
	 */
	public int received() {
		return this.handler.received();
	}

	/**
	 * The base URI.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI uri() {
		return URI.create("http://" + LOOPBACK + ":" + port());
	}

	/**
	 * Stops the echo upstream at once and its threads with it.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "echo-upstream-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
