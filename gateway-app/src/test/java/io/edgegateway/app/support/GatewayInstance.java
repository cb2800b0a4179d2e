package io.edgegateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.edgegateway.app.EdgeGatewayApplication;
import io.edgegateway.filters.support.RedisSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A real gateway started on random ports with the demo profile, pointed at the test
 * identity provider and echo upstream. Several can run at once (two replicas sharing one
 * Redis).
 */
public final class GatewayInstance implements AutoCloseable {

	/**
	 * Session encryption keys the test gateways share, as replicas of one deployment do.
	 */
	public static final String SESSION_KEY = "dGVzdC1rZXktZm9yLWVkZ2UtZ2F0ZXdheS1zZXNzaW8=";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private GatewayInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Properties of a gateway whose sessions live in the test Redis under a namespace of
	 * their own.
	 * @param namespace the session key namespace, shared by replicas of one test
	 * @return the properties
	 */
	public static Map<String, Object> redisSessions(String namespace) {
		RedisSupport redis = RedisSupport.redis();
		return redisSessions(namespace,
				Map.of("spring.data.redis.host", redis.host(), "spring.data.redis.port", redis.port()));
	}

	/**
	 * Properties of a gateway whose sessions live in a given Redis under a namespace of
	 * their own.
	 * @param namespace the session key namespace, shared by replicas of one test
	 * @param redis the properties that connect to the Redis (a Cluster's nodes, for
	 * instance)
	 * @return the properties
	 */
	public static Map<String, Object> redisSessions(String namespace, Map<String, Object> redis) {
		Map<String, Object> properties = new LinkedHashMap<>(redis);
		properties.put("edge.session.redis-namespace", namespace);
		properties.put("edge.session.encryption.active-key", "k1");
		properties.put("edge.session.encryption.keys.k1", SESSION_KEY);
		return properties;
	}

	/**
	 * A fresh session namespace.
	 * @return a namespace no other test uses
	 */
	public static String newNamespace() {
		return "edge-test:" + UUID.randomUUID() + ":session";
	}

	/**
	 * Start a gateway.
	 * @param idp the identity provider's issuer
	 * @param upstream the echo upstream's URI
	 * @param properties further properties, overriding the defaults
	 * @return the running gateway
	 */
	public static GatewayInstance start(String idp, String upstream, Map<String, Object> properties) {
		return start(idp, upstream, properties, null);
	}

	/**
	 * Start a gateway whose clock the test moves.
	 * @param idp the identity provider's issuer
	 * @param upstream the echo upstream's URI
	 * @param properties further properties, overriding the defaults
	 * @param clock the gateway's clock, or {@code null} for the system's
	 * @return the running gateway
	 */
	public static GatewayInstance start(String idp, String upstream, Map<String, Object> properties,
			@Nullable Clock clock) {
		return startWithBeans(idp, upstream, properties, (context) -> {
			if (clock != null) {
				context.registerBean("testClock", Clock.class, () -> clock);
			}
		});
	}

	/**
	 * Start a gateway with beans of the test's own (an in-memory span exporter, for
	 * instance).
	 * @param idp the identity provider's issuer
	 * @param upstream the echo upstream's URI
	 * @param properties further properties, overriding the defaults
	 * @param beans registers the test's beans
	 * @return the running gateway
	 */
	public static GatewayInstance startWithBeans(String idp, String upstream, Map<String, Object> properties,
			Consumer<GenericApplicationContext> beans) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("edge.demo.idp", idp);
		all.put("edge.demo.upstream", upstream);
		all.putAll(properties);
		return run(all, beans, "demo");
	}

	/**
	 * Start a gateway configured only by the given properties (no demo profile), as a
	 * deployment configures it.
	 * @param properties the properties; the Tomcat exclusion the tests' servlet identity
	 * provider needs is added
	 * @return the running gateway
	 */
	public static GatewayInstance startConfiguredBy(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.autoconfigure.exclude",
				"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration,"
						+ "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration");
		all.putAll(properties);
		return run(all, (context) -> {
		});
	}

	private static GatewayInstance run(Map<String, Object> properties, Consumer<GenericApplicationContext> beans,
			String... profiles) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", 0);
		all.put("management.server.port", freePort());
		all.putAll(properties);
		String[] args = all.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EdgeGatewayApplication.class)
			.profiles(profiles)
			.initializers(GatewayInstance::ownNettyResources,
					(initialized) -> beans.accept((GenericApplicationContext) initialized))
			.run(args);
		return new GatewayInstance(context);
	}

	/**
	 * A loopback port nothing listens on now. The management port is chosen this way up
	 * front, as a deployment fixes it: Spring Cloud Gateway only keeps its routes off the
	 * management port when it knows that port from the configuration ({@code 0} would
	 * leave every route served on it too).
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Several gateways run in one test JVM: each gets event loops of its own, so that
	 * closing one (which disposes its resources) never stops the others, as closing one
	 * that shared Reactor Netty's global resources would.
	 */
	private static void ownNettyResources(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		});
	}

	/**
	 * The gateway's public base URL.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/**
	 * The management port's base URL.
	 * @return e.g. {@code http://127.0.0.1:40124}
	 */
	public String managementUrl() {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.management.port");
	}

	/**
	 * A counter's (or timer's) count, as the management port's metrics endpoint reports
	 * it.
	 * @param metric the metric's name
	 * @param tags tags to select by, each {@code name:value}
	 * @return the count; 0 for a metric not yet registered
	 */
	@SuppressWarnings("unchecked")
	public double count(String metric, String... tags) {
		StringBuilder url = new StringBuilder(managementUrl() + "/actuator/metrics/" + metric);
		for (int i = 0; i < tags.length; i++) {
			url.append((i == 0) ? '?' : '&').append("tag=").append(tags[i]);
		}
		HttpResponse<String> response = new TestBrowser().get(url.toString());
		if (response.statusCode() == 404) {
			return 0;
		}
		Map<String, Object> body = JSON.readValue(response.body(), Map.class);
		return ((List<Map<String, Object>>) body.get("measurements")).stream()
			.filter((measurement) -> "COUNT".equals(measurement.get("statistic")))
			.mapToDouble((measurement) -> ((Number) measurement.get("value")).doubleValue())
			.sum();
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
