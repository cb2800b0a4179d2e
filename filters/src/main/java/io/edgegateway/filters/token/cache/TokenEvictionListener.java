package io.edgegateway.filters.token.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Listens for logouts announced by any replica (the {@link RedisTokenCache}'s channel)
 * and drops that user's tokens from this replica's memory, so a token minted in the
 * user's name is not served from another replica's memory after the logout.
 */
public final class TokenEvictionListener implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TokenEvictionListener.class);

	private final ReactiveRedisMessageListenerContainer container;

	private final String channel;

	private final Function<String, Mono<Void>> evictLocalOwner;

	private volatile Disposable subscription;

	/**
	 * Create the listener.
	 * @param connectionFactory the Redis connections
	 * @param cache the shared cache whose announcements to follow
	 * @param evictLocalOwner drops an owner's tokens from this replica's memory
	 */
	public TokenEvictionListener(ReactiveRedisConnectionFactory connectionFactory, RedisTokenCache cache,
			Function<String, Mono<Void>> evictLocalOwner) {
		this.container = new ReactiveRedisMessageListenerContainer(connectionFactory);
		this.channel = cache.evictionChannel();
		this.evictLocalOwner = evictLocalOwner;
	}

	@Override
	public void start() {
		RedisSerializationContext.SerializationPair<byte[]> bytes = RedisSerializationContext.SerializationPair
			.fromSerializer(RedisSerializer.byteArray());
		this.subscription = this.container
			.receive(List.of(ChannelTopic.of(this.channel)),
					RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.string()), bytes)
			.flatMap((message) -> this.evictLocalOwner.apply(new String(message.getMessage(), StandardCharsets.UTF_8)))
			.onErrorContinue((ex, value) -> logger.warn("Dropping a logout announcement failed: " + ex))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
		this.container.destroyLater().subscribe();
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.subscription;
		return current != null && !current.isDisposed();
	}

}
