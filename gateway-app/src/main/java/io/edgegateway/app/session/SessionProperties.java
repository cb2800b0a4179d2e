package io.edgegateway.app.session;

import java.time.Duration;

import io.edgegateway.filters.crypto.EncryptionProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Browser session settings. The cookie itself is configured with Spring Boot's
 * {@code server.reactive.session.cookie.*}.
 */
@ConfigurationProperties("edge.session")
public class SessionProperties implements Validator {

	/**
	 * How long a session lives without requests. Default 30 minutes.
	 */
	private Duration timeout = Duration.ofMinutes(30);

	/**
	 * How often a session's access time (and so its idle expiry) is written to Redis
	 * while it is in use: at most once per interval, not on every request. A session idle
	 * for {@code timeout} ends, give or take this interval. Default 1 minute.
	 */
	private Duration touchInterval = Duration.ofMinutes(1);

	/**
	 * Each replica's copy of the sessions it serves, used while Redis reports every
	 * change to them (Redis 6+, not Cluster).
	 */
	private final LocalCache localCache = new LocalCache();

	/**
	 * Prefix of the session keys in Redis. Default {@code edge:session}.
	 */
	private String redisNamespace = "edge:session";

	/**
	 * How many large session values (security contexts, the user's tokens) each replica
	 * keeps decrypted and deserialized in memory, so that a session's next request reads
	 * them from Redis without decoding them again; 0 decodes on every request. Default
	 * 2048 (about 1,000 active sessions, some 10 MB).
	 */
	private int decodedCacheSize = 2048;

	/**
	 * The session cookie, beyond Spring Boot's {@code server.reactive.session.cookie.*}.
	 */
	private final Cookie cookie = new Cookie();

	/**
	 * Keys that encrypt session contents (tokens included) in Redis. Required when
	 * sessions are stored in Redis.
	 */
	@NestedConfigurationProperty
	private final EncryptionProperties encryption = new EncryptionProperties();

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getTouchInterval() {
		return this.touchInterval;
	}

	public void setTouchInterval(Duration touchInterval) {
		this.touchInterval = touchInterval;
	}

	public LocalCache getLocalCache() {
		return this.localCache;
	}

	public String getRedisNamespace() {
		return this.redisNamespace;
	}

	public void setRedisNamespace(String redisNamespace) {
		this.redisNamespace = redisNamespace;
	}

	public int getDecodedCacheSize() {
		return this.decodedCacheSize;
	}

	public void setDecodedCacheSize(int decodedCacheSize) {
		this.decodedCacheSize = decodedCacheSize;
	}

	public EncryptionProperties getEncryption() {
		return this.encryption;
	}

	public Cookie getCookie() {
		return this.cookie;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SessionProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		SessionProperties properties = (SessionProperties) target;
		if (properties.getTimeout().isNegative() || properties.getTimeout().isZero()) {
			errors.rejectValue("timeout", "invalid", "must be positive");
		}
		Duration touch = properties.getTouchInterval();
		if (touch.isNegative() || touch.compareTo(properties.getTimeout()) >= 0) {
			errors.rejectValue("touchInterval", "invalid",
					"must be at least 0 and shorter than edge.session.timeout (" + properties.getTimeout() + ")");
		}
		if (properties.getLocalCache().getMaximumSize() < 0) {
			errors.rejectValue("localCache.maximumSize", "invalid", "must be 0 or more");
		}
		if (properties.getLocalCache().getHeartbeat().isNegative()
				|| properties.getLocalCache().getHeartbeat().isZero()) {
			errors.rejectValue("localCache.heartbeat", "invalid", "must be positive");
		}
	}

	/**
	 * A replica's copy of the sessions it serves.
	 */
	public static class LocalCache {

		/**
		 * Whether each replica keeps the sessions it serves in memory, so that a warm
		 * session request reads nothing from Redis. Default {@code true}.
		 */
		private boolean enabled = true;

		/**
		 * How many sessions each replica keeps. Default 10,000.
		 */
		private long maximumSize = 10_000;

		/**
		 * How often the replica proves that Redis still reports changes (a probe key
		 * written and its invalidation heard); a logout or revocation on another replica
		 * reaches this one within about twice this. Default 500 ms.
		 */
		private Duration heartbeat = Duration.ofMillis(500);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

		public Duration getHeartbeat() {
			return this.heartbeat;
		}

		public void setHeartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
		}

	}

	/**
	 * The session cookie's name over HTTPS.
	 */
	public static class Cookie {

		/**
		 * Whether the session cookie's name gets the {@code __Host-} prefix when the
		 * gateway is served over HTTPS ({@code __Host-EDGE_SESSION}); {@code false} keeps
		 * the configured name, e.g. for a migration. Default {@code true}.
		 */
		private boolean hostPrefix = true;

		public boolean isHostPrefix() {
			return this.hostPrefix;
		}

		public void setHostPrefix(boolean hostPrefix) {
			this.hostPrefix = hostPrefix;
		}

	}

}
