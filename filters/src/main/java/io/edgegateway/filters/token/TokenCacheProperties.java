package io.edgegateway.filters.token;

import java.time.Duration;

import io.edgegateway.filters.crypto.EncryptionProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Settings of the cache of minted tokens.
 */
@ConfigurationProperties("edge.token-cache")
public class TokenCacheProperties {

	/**
	 * Whether minted tokens are cached. Default {@code true}.
	 */
	private boolean enabled = true;

	/**
	 * How long before its expiry a token is no longer served. Default 30s.
	 */
	private Duration skew = Duration.ofSeconds(30);

	/**
	 * How long before that a token is re-minted in the background, so no caller waits.
	 * Default 60s.
	 */
	private Duration refreshAhead = Duration.ofSeconds(60);

	/**
	 * Most tokens kept in each gateway's memory. Default 10000.
	 */
	private long localMaximumSize = 10_000;

	/**
	 * Prefix of the token keys in Redis. Default {@code edge:token:}.
	 */
	private String redisPrefix = "edge:token:";

	/**
	 * Longest wait for Redis; past it the cache counts as failing and the gateway mints
	 * directly. Default 1 second.
	 */
	private Duration redisTimeout = Duration.ofSeconds(1);

	/**
	 * Keys that encrypt tokens in Redis; default the session's
	 * ({@code edge.session.encryption}).
	 */
	@NestedConfigurationProperty
	private final EncryptionProperties encryption = new EncryptionProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getSkew() {
		return this.skew;
	}

	public void setSkew(Duration skew) {
		this.skew = skew;
	}

	public Duration getRefreshAhead() {
		return this.refreshAhead;
	}

	public void setRefreshAhead(Duration refreshAhead) {
		this.refreshAhead = refreshAhead;
	}

	public long getLocalMaximumSize() {
		return this.localMaximumSize;
	}

	public void setLocalMaximumSize(long localMaximumSize) {
		this.localMaximumSize = localMaximumSize;
	}

	public String getRedisPrefix() {
		return this.redisPrefix;
	}

	public void setRedisPrefix(String redisPrefix) {
		this.redisPrefix = redisPrefix;
	}

	public Duration getRedisTimeout() {
		return this.redisTimeout;
	}

	public void setRedisTimeout(Duration redisTimeout) {
		this.redisTimeout = redisTimeout;
	}

	public EncryptionProperties getEncryption() {
		return this.encryption;
	}

}
