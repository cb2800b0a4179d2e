package io.edgegateway.app.session;

import java.time.Duration;

import io.edgegateway.filters.crypto.EncryptionProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Browser session settings. The cookie itself is configured with Spring Boot's
 * {@code server.reactive.session.cookie.*}.
 */
@ConfigurationProperties("edge.session")
public class SessionProperties {

	/**
	 * How long a session lives without requests. Default 30 minutes.
	 */
	private Duration timeout = Duration.ofMinutes(30);

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
