package io.edgegateway.app.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.cache.RedisTokenCache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Listens for logouts announced by any replica (a Redis channel) and drops that user's
 * tokens from this replica's memory, so a token minted in the user's name is not served
 * from another replica's memory after the logout.
 */
class TokenEvictionListener implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TokenEvictionListener.class);

	private final ReactiveRedisMessageListenerContainer container;

	private final String channel;

	private final TokenService tokens;

	private volatile Disposable subscription;

	TokenEvictionListener(ReactiveRedisConnectionFactory connectionFactory, RedisTokenCache cache,
			TokenService tokens) {
		this.container = new ReactiveRedisMessageListenerContainer(connectionFactory);
		this.channel = cache.evictionChannel();
		this.tokens = tokens;
	}

	@Override
	public void start() {
		RedisSerializationContext.SerializationPair<byte[]> bytes = RedisSerializationContext.SerializationPair
			.fromSerializer(RedisSerializer.byteArray());
		this.subscription = this.container
			.receive(List.of(ChannelTopic.of(this.channel)),
					RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.string()), bytes)
			.flatMap((message) -> this.tokens.evictLocalOwner(new String(message.getMessage(), StandardCharsets.UTF_8)))
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
