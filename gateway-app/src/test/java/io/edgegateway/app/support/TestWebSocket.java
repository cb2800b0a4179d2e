package io.edgegateway.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A real WebSocket client (the JDK's {@code java.net.http.WebSocket}): the text messages
 * it received, and how the socket closed.
 */
public final class TestWebSocket implements WebSocket.Listener {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Closed> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private @Nullable WebSocket socket;

	private TestWebSocket() {
	}

	/**
	 * Open a socket.
	 * @param uri the {@code ws://} URI
	 * @param headers handshake headers, name and value alternating
	 * @return the open socket
	 * @throws HandshakeRefused if the handshake was refused
	 */
	public static TestWebSocket open(String uri, String... headers) {
		TestWebSocket listener = new TestWebSocket();
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			listener.socket = builder.buildAsync(URI.create(uri), listener).get(10, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException refused) {
				throw new HandshakeRefused(refused.getResponse());
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return listener;
	}

	/**
	 * The status a refused handshake was answered with.
	 * @param uri the {@code ws://} URI
	 * @param headers handshake headers, name and value alternating
	 * @return the refusal's status and body
	 */
	public static java.net.http.HttpResponse<?> refused(String uri, String... headers) {
		try {
			TestWebSocket opened = open(uri, headers);
			opened.close();
			throw new AssertionError("The handshake was accepted");
		}
		catch (HandshakeRefused ex) {
			return ex.response();
		}
	}

	/**
	 * Send a text message.
	 * @param text the message
	 */
	public void send(String text) {
		socket().sendText(text, true).join();
	}

	/**
	 * The next text message received.
	 * @return the message
	 * @throws AssertionError if none arrives within 5 seconds
	 */
	public String next() {
		try {
			String message = this.messages.poll(5, TimeUnit.SECONDS);
			if (message == null) {
				throw new AssertionError("No message within 5 seconds");
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * How the socket closed, waiting for it.
	 * @param timeout how long to wait
	 * @return the close
	 * @throws AssertionError if the socket is still open after the timeout
	 */
	public Closed closed(Duration timeout) {
		try {
			return this.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("The socket is still open after " + timeout);
		}
		catch (Exception ex) {
			throw new CompletionException(ex);
		}
	}

	/**
	 * Whether the socket is still open.
	 * @return whether the gateway has not closed it
	 */
	public boolean isOpen() {
		return !this.closed.isDone();
	}

	/**
	 * Close the socket normally.
	 */
	public void close() {
		if (isOpen()) {
			socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
		}
	}

	private WebSocket socket() {
		if (this.socket == null) {
			throw new IllegalStateException("Not open");
		}
		return this.socket;
	}

	@Override
	public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.messages.add(this.partial.toString());
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(new Closed(statusCode, reason, System.nanoTime()));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.completeExceptionally(error);
	}

	/**
	 * The gateway answered the handshake with something else than {@code 101}.
	 */
	public static final class HandshakeRefused extends AssertionError {

		private final transient java.net.http.HttpResponse<?> response;

		HandshakeRefused(java.net.http.HttpResponse<?> response) {
			super("The handshake was refused: " + response.statusCode() + " " + response.body());
			this.response = response;
		}

		public java.net.http.HttpResponse<?> response() {
			return this.response;
		}

	}

	/**
	 * How a socket closed.
	 *
	 * @param code the close frame's status code
	 * @param reason its reason
	 * @param nanoTime when the client learned of it ({@link System#nanoTime()})
	 */
	public record Closed(int code, String reason, long nanoTime) {

	}

}
