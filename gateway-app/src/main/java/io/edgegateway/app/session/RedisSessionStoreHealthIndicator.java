package io.edgegateway.app.session;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Whether the sessions' Redis answers a {@code PING} (bounded by
 * {@code spring.data.redis.connect-timeout} and {@code .timeout}), for the readiness
 * probe:
 * <ul>
 * <li>{@code OUT_OF_SERVICE} until Redis has answered this check once since the gateway
 * started (the readiness probe asks before the pod gets any traffic): a pod that never
 * reached its Redis (down, or a wrong address, password or TLS setting) gets no traffic,
 * and a rolling update with such a setting stalls while the old pods serve;</li>
 * <li>{@code UP} while it answers;</li>
 * <li>{@code DEGRADED} while it fails after that: the pod stays ready (mapped to
 * {@code 200}), because it still serves bearer and service-account requests, and taking
 * every replica of a shared Redis out of the Service would refuse those too; session
 * requests get {@code 503} with {@code Retry-After} until Redis is back.</li>
 * </ul>
 */
final class RedisSessionStoreHealthIndicator implements ReactiveHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED",
			"Redis fails: session requests get 503, bearer and service-account requests are served");

	private final ReactiveRedisConnectionFactory connections;

	private volatile boolean answered;

	RedisSessionStoreHealthIndicator(ReactiveRedisConnectionFactory connections) {
		this.connections = connections;
	}

	@Override
	public Mono<Health> health() {
		return Mono
			.usingWhen(Mono.fromSupplier(this.connections::getReactiveConnection), ReactiveRedisConnection::ping,
					ReactiveRedisConnection::closeLater)
			.map((pong) -> {
				this.answered = true;
				return Health.up().withDetail("store", "redis").build();
			})
			.onErrorResume((ex) -> Mono.just(failing(ex)));
	}

	private Health failing(Throwable ex) {
		Health.Builder health = this.answered ? Health.status(DEGRADED)
				: Health.outOfService().withDetail("since", "Redis has not answered since the gateway started");
		return health.withDetail("store", "redis")
			.withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage())
			.build();
	}

}
