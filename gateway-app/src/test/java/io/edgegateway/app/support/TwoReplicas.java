package io.edgegateway.app.support;

import io.edgegateway.filters.support.RedisSupport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Two gateway replicas whose sessions share the test Redis under one namespace, and a
 * client of that Redis to look at what they wrote: the setting of every test of what one
 * replica does and the other sees.
 *
 * @param <K> the Redis client's key type
 * @param <V> the Redis client's value type
 */
public final class TwoReplicas<K, V> implements AutoCloseable {

	private final GatewayInstance first;

	private final GatewayInstance second;

	private final RedisClient client;

	private final StatefulRedisConnection<K, V> redis;

	private TwoReplicas(String namespace, RedisCodec<K, V> codec) {
		String idp = TestServers.idp().issuer();
		String upstream = TestServers.upstream().uri().toString();
		this.first = GatewayInstance.start(idp, upstream, GatewayInstance.redisSessions(namespace));
		this.second = GatewayInstance.start(idp, upstream, GatewayInstance.redisSessions(namespace));
		this.client = RedisClient.create(RedisSupport.redis().url());
		this.redis = this.client.connect(codec);
	}

	/**
	 * Start two replicas, with a client that reads Redis as text.
	 * @param namespace the session namespace both use
	 * @return the running replicas
	 */
	public static TwoReplicas<String, String> start(String namespace) {
		return start(namespace, StringCodec.UTF8);
	}

	/**
	 * Start two replicas.
	 * @param namespace the session namespace both use
	 * @param codec how the test's client reads Redis
	 * @param <K> the client's key type
	 * @param <V> the client's value type
	 * @return the running replicas
	 */
	public static <K, V> TwoReplicas<K, V> start(String namespace, RedisCodec<K, V> codec) {
		return new TwoReplicas<>(namespace, codec);
	}

	public GatewayInstance first() {
		return this.first;
	}

	public GatewayInstance second() {
		return this.second;
	}

	/**
	 * The test's own connection to the replicas' Redis.
	 * @return the connection
	 */
	public StatefulRedisConnection<K, V> redis() {
		return this.redis;
	}

	@Override
	public void close() {
		this.first.close();
		this.second.close();
		this.redis.close();
		this.client.shutdown();
	}

}
