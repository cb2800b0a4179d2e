package io.edgegateway.filters.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The one place that decides which real Redis the tests use: the Redis that answers on
 * {@code 127.0.0.1:6379} (our machines and CI run one; {@code .ci/run} starts it), else a
 * Testcontainers Redis where Docker is available, else a clear failure. Tests never mock
 * Redis; each test isolates its data under its own key prefix.
 */
public final class RedisSupport {

	private static final String LOCAL_HOST = "127.0.0.1";

	private static final int LOCAL_PORT = 6379;

	private static volatile RedisSupport instance;

	private final String host;

	private final int port;

	private RedisSupport(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * The Redis for this test run.
	 * @return host and port of a running Redis
	 * @throws IllegalStateException if neither a local Redis nor Docker is available
	 */
	public static RedisSupport redis() {
		RedisSupport redis = instance;
		if (redis == null) {
			synchronized (RedisSupport.class) {
				if (instance == null) {
					instance = locate();
				}
				redis = instance;
			}
		}
		return redis;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The Redis URL, e.g. {@code redis://127.0.0.1:6379}.
	 * @return the URL
	 */
	public String url() {
		return "redis://" + this.host + ":" + this.port;
	}

	private static RedisSupport locate() {
		if (answersPing(LOCAL_HOST, LOCAL_PORT)) {
			return new RedisSupport(LOCAL_HOST, LOCAL_PORT);
		}
		if (dockerAvailable()) {
			GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(LOCAL_PORT);
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new RedisSupport(container.getHost(), container.getMappedPort(LOCAL_PORT));
		}
		throw new IllegalStateException("The tests need a real Redis: none answers on " + LOCAL_HOST + ":" + LOCAL_PORT
				+ " and Docker is not available for Testcontainers. Start one with "
				+ "'redis-server --daemonize yes --port 6379' (or run .ci/run, which does).");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Whether a Redis answers {@code PING} at an address.
	 * @param host the host
	 * @param port the port
	 * @return whether it answered {@code +PONG}
	 */
	public static boolean answersPing(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, 5);
			return read == 5 && new String(reply, 0, 5, StandardCharsets.US_ASCII).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
