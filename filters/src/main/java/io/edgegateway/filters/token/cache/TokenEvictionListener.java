package io.edgegateway.filters.token.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Listens for logouts announced by any replica (the {@link RedisTokenCache}'s channel)
 * and drops that user's tokens from this replica's memory, so a token minted in the
 * user's name is not served from another replica's memory after the logout.
 * <p>
 * The subscription is made in the background and made again, every
 * {@link #RESUBSCRIBE_PAUSE}, for as long as Redis refuses it: a gateway started while
 * Redis is down starts, and listens once Redis answers. An outage after that is Lettuce's
 * to bridge: it reconnects and subscribes again by itself.
 */
public final class TokenEvictionListener implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TokenEvictionListener.class);

	/**
	 * The pause before subscribing again after Redis refused.
	 */
	static final Duration RESUBSCRIBE_PAUSE = Duration.ofSeconds(1);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String channel;

	private final Function<String, Mono<Void>> evictLocalOwner;

	private volatile @Nullable Disposable subscription;

	private volatile boolean failing;

	/**
	 * Create the listener.
	 * @param connectionFactory the Redis connections
	 * @param cache the shared cache whose announcements to follow
	 * @param evictLocalOwner drops an owner's tokens from this replica's memory
	 */
	public TokenEvictionListener(ReactiveRedisConnectionFactory connectionFactory, RedisTokenCache cache,
			Function<String, Mono<Void>> evictLocalOwner) {
		this.connectionFactory = connectionFactory;
		this.channel = cache.evictionChannel();
		this.evictLocalOwner = evictLocalOwner;
	}

	@Override
	public void start() {
		this.subscription = Flux
			.usingWhen(Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(this.connectionFactory)),
					this::receive, ReactiveRedisMessageListenerContainer::destroyLater)
			.concatMap(this::evict)
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RESUBSCRIBE_PAUSE).doBeforeRetry(this::subscribingFailed))
			.subscribe();
	}

	private Flux<ReactiveSubscription.Message<String, byte[]>> receive(
			ReactiveRedisMessageListenerContainer container) {
		return container
			.receiveLater(List.of(ChannelTopic.of(this.channel)),
					RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.string()),
					RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.byteArray()))
			.doOnNext((subscribed) -> subscribed())
			.flatMapMany((messages) -> messages);
	}

	private Mono<Void> evict(ReactiveSubscription.Message<String, byte[]> message) {
		return this.evictLocalOwner.apply(new String(message.getMessage(), StandardCharsets.UTF_8))
			.onErrorResume((ex) -> {
				logger.warn("Dropping a logout announcement failed: " + ex);
				return Mono.empty();
			});
	}

	private void subscribed() {
		if (this.failing) {
			logger.info("Listening again for logouts announced by other replicas on " + this.channel);
			this.failing = false;
		}
	}

	private void subscribingFailed(Retry.RetrySignal signal) {
		if (!this.failing) {
			logger.warn("Cannot listen for logouts announced by other replicas until Redis answers; trying again every "
					+ RESUBSCRIBE_PAUSE.toSeconds() + "s: " + signal.failure());
			this.failing = true;
		}
	}

	@Override
	public void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.subscription;
		return current != null && !current.isDisposed();
	}

}
