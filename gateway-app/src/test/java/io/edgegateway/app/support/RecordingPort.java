package io.edgegateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that accepts every connection, closes it and counts it: the address to
 * give what must not be called (an identity provider, a Redis), so that a test can prove
 * nothing was. A closed port would only make a call fail, unseen.
 */
public final class RecordingPort implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private RecordingPort(ServerSocket socket) {
		this.socket = socket;
		Thread accepting = new Thread(this::accept, "recording-port-" + socket.getLocalPort());
		accepting.setDaemon(true);
		accepting.start();
	}

	/**
	 * Listen on a free loopback port.
	 * @return the listening port
	 */
	public static RecordingPort open() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return new RecordingPort(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket accepted = this.socket.accept()) {
				this.connections.incrementAndGet();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * An HTTP URL on this port.
	 * @param path the path
	 * @return e.g. {@code http://127.0.0.1:40123/realms/corp}
	 */
	public String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	/**
	 * The connections made so far.
	 * @return their number
	 */
	public int connections() {
		return this.connections.get();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
