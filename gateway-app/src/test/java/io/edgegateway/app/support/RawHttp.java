package io.edgegateway.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A client that writes exactly the bytes it is given to a socket and reads back whatever
 * HTTP/1.1 responses come, the way an attacker's script does: no client library
 * normalizes the request, and every response on the connection is seen, so a smuggled
 * second request shows up as a second response.
 */
public final class RawHttp {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Send a request and read the first response.
	 * @param request the request's bytes, as ISO-8859-1 text with explicit {@code \r\n}
	 * @return the response
	 */
	public Response send(String request) {
		List<Response> responses = sendAll(request, 1);
		if (responses.isEmpty()) {
			throw new AssertionError("No response; the connection closed");
		}
		return responses.get(0);
	}

	/**
	 * Send bytes and read up to a number of responses, until the connection closes or
	 * stays silent.
	 * @param request the bytes, as ISO-8859-1 text
	 * @param atMost the most responses to wait for
	 * @return the responses read, in order
	 */
	public List<Response> sendAll(String request, int atMost) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			List<Response> responses = new ArrayList<>();
			while (responses.size() < atMost) {
				Response response = read(in);
				if (response == null) {
					break;
				}
				responses.add(response);
				if (responses.size() < atMost) {
					socket.setSoTimeout(1_500);
				}
			}
			return responses;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static @Nullable Response read(InputStream in) throws IOException {
		String statusLine;
		try {
			statusLine = line(in);
		}
		catch (SocketTimeoutException ex) {
			return null;
		}
		if (statusLine == null || statusLine.isEmpty()) {
			return null;
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.add(line.substring(colon + 1).trim());
		}
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		byte[] body = body(in, headers, status);
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] body(InputStream in, Map<String, List<String>> headers, int status) throws IOException {
		if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
			return new byte[0];
		}
		List<String> length = headers.get("content-length");
		if (length != null) {
			return in.readNBytes(Integer.parseInt(length.get(0)));
		}
		List<String> encoding = headers.get("transfer-encoding");
		if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0; size = Integer
				.parseInt(line(in).split(";")[0].trim(), 16)) {
				body.write(in.readNBytes(size));
				line(in);
			}
			for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
				// trailers are not asserted on
			}
			return body.toByteArray();
		}
		return in.readAllBytes();
	}

	private static @Nullable String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	/**
	 * A response as it came off the wire.
	 *
	 * @param status the status code
	 * @param headers header values by lower-case name
	 * @param body the body, decoded as UTF-8
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		/**
		 * The first value of a header.
		 * @param name the name, any case
		 * @return the value, or {@code null}
		 */
		public @Nullable String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

		/**
		 * What the echo upstream received, when this response is its answer.
		 * @return the echo
		 */
		public Echo echo() {
			return Echo.of(this.status, this.body);
		}

	}

}
