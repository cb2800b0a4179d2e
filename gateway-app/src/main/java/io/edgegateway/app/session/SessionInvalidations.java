package io.edgegateway.app.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Hears from Redis itself of every change to a session, on any replica, so that
 * {@link LocalSessionCache} may serve its copies: one connection with client-side caching
 * in broadcasting mode ({@code CLIENT TRACKING ON BCAST PREFIX <namespace>:sessions:},
 * RESP3), whose invalidation messages name each session key that was written, deleted or
 * expired, by this gateway or by anything else.
 * <p>
 * The news is proven, not assumed: every heartbeat writes a probe key under a tracked
 * prefix and waits for its invalidation. Until the first probe comes back, and from the
 * moment the connection drops or a probe does not come back in time, the cache is not
 * trusted (and is emptied), so a logout or a revocation on another replica is never
 * missed for longer than one heartbeat. With Redis Cluster (tracking is per node) the
 * cache stays off and every request reads its session.
 */
final class SessionInvalidations implements SmartLifecycle, RedisConnectionStateListener {

	private static final Log logger = LogFactory.getLog(SessionInvalidations.class);

	private final Supplier<@Nullable AbstractRedisClient> clients;

	private final LocalSessionCache cache;

	private final SessionChanges changes;

	private final String sessionPrefix;

	private final String probePrefix;

	private final Duration heartbeat;

	private final Map<String, CompletableFuture<Void>> probes = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable StatefulRedisConnection<String, String> connection;

	private @Nullable String lastProblem;

	/**
	 * Create the listener.
	 * @param clients the Redis client (may be {@code null} until Redis connections start)
	 * @param cache the cache to keep true
	 * @param changes who else hears of each change (open WebSockets)
	 * @param namespace the sessions' key namespace
	 * @param heartbeat how often the news is proven
	 */
	SessionInvalidations(Supplier<@Nullable AbstractRedisClient> clients, LocalSessionCache cache,
			SessionChanges changes, String namespace, Duration heartbeat) {
		this.clients = clients;
		this.cache = cache;
		this.changes = changes;
		this.sessionPrefix = namespace + ":sessions:";
		this.probePrefix = namespace + ":tracking-probe:";
		this.heartbeat = heartbeat;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "edge-session-invalidations");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::check, 0, this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
		this.cache.distrust();
		StatefulRedisConnection<String, String> connection = this.connection;
		if (connection != null) {
			connection.closeAsync();
			this.connection = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * After the Redis connection factory has started.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private void check() {
		try {
			StatefulRedisConnection<String, String> connection = connection();
			if (!this.cache.isTrusted()) {
				track(connection);
			}
			probe(connection);
			if (!this.cache.isTrusted()) {
				this.cache.trust();
				// what changed while the news was interrupted was not heard of
				this.changes.anyMayHaveChanged();
				report(null);
			}
		}
		catch (Exception ex) {
			this.cache.distrust();
			report(ex.getMessage());
		}
	}

	/**
	 * One connection for the gateway's life: Lettuce reconnects it, and the next
	 * heartbeat turns tracking on again.
	 */
	private StatefulRedisConnection<String, String> connection() {
		StatefulRedisConnection<String, String> connection = this.connection;
		if (connection != null) {
			return connection;
		}
		if (!(this.clients.get() instanceof RedisClient client)) {
			throw new IllegalStateException(
					"Redis Cluster (or a client not yet started): sessions are read from Redis on every request");
		}
		connection = client.connect(StringCodec.UTF8);
		connection.addListener(this::onPush);
		client.addListener(this);
		this.connection = connection;
		return connection;
	}

	/**
	 * Tracking turned on afresh: off first, since a connection that still tracks (after a
	 * probe that came back late) refuses the same prefixes again, and one that
	 * reconnected tracks nothing. Whatever changes in between is not missed: the cache is
	 * not trusted until the next probe comes back.
	 */
	private void track(StatefulRedisConnection<String, String> connection) throws Exception {
		connection.async()
			.clientTracking(TrackingArgs.Builder.enabled(false))
			.get(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
		connection.async()
			.clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(this.sessionPrefix, this.probePrefix))
			.get(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void probe(StatefulRedisConnection<String, String> connection) throws Exception {
		String key = this.probePrefix + UUID.randomUUID();
		CompletableFuture<Void> heard = new CompletableFuture<>();
		this.probes.put(key, heard);
		try {
			connection.async()
				.set(key, "", SetArgs.Builder.px(this.heartbeat.multipliedBy(2)))
				.get(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
			heard.get(this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
		}
		finally {
			this.probes.remove(key);
		}
	}

	private void onPush(PushMessage message) {
		if (!"invalidate".equals(message.getType())) {
			return;
		}
		List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
		if (content.size() < 2 || !(content.get(1) instanceof List<?> keys)) {
			this.cache.invalidateAll();
			this.changes.anyMayHaveChanged();
			return;
		}
		for (Object key : keys) {
			String name = String.valueOf(key);
			if (name.startsWith(this.sessionPrefix)) {
				String id = name.substring(this.sessionPrefix.length());
				this.cache.invalidate(id);
				this.changes.changed(id);
			}
			else {
				CompletableFuture<Void> probe = this.probes.get(name);
				if (probe != null) {
					probe.complete(null);
				}
			}
		}
	}

	@Override
	public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
		if (connection == this.connection) {
			this.cache.distrust();
		}
	}

	private void report(@Nullable String problem) {
		if (problem == null) {
			logger.info("Sessions are served from this replica's memory; Redis reports every change to them");
		}
		else if (!problem.equals(this.lastProblem)) {
			logger.warn("Sessions are read from Redis on every request until Redis reports changes to them again: "
					+ problem);
		}
		this.lastProblem = problem;
	}

}
