package io.edgegateway.filters.assertion;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway-wide settings of the signed identity assertion ({@code IdentityAssertion} route
 * filter): who signs it, how long it lives, which header carries it, and the signing keys
 * with their rotation.
 *
 * @see AssertionSigner
 */
@ConfigurationProperties("edge.assertion")
public class AssertionProperties {

	/**
	 * The longest lifetime an assertion may have.
	 */
	public static final Duration MAXIMUM_LIFETIME = Duration.ofMinutes(5);

	/**
	 * The least {@code max-size}: room for the registered claims, a long subject and an
	 * RSA 4096 signature.
	 */
	public static final int MINIMUM_MAX_SIZE = 1024;

	/**
	 * The assertion's issuer ({@code iss}). Default
	 * {@code edge.security.public-base-url}.
	 */
	private @Nullable URI issuer;

	/**
	 * How long an assertion is valid ({@code exp - iat}), at most 5m. Default 2m.
	 */
	private Duration lifetime = Duration.ofMinutes(2);

	/**
	 * Header that carries the assertion to the upstream, unless a route names another.
	 * Default {@code X-Edge-Assertion}.
	 */
	private String header = "X-Edge-Assertion";

	/**
	 * How many assertions (per route, user and key) are kept in memory for reuse. Default
	 * 10000.
	 */
	private int cacheSize = 10_000;

	/**
	 * The most bytes an assertion (the compact JWT, the header's value) may take, at
	 * least 1024. One that would be larger carries fewer groups, cut between groups and
	 * marked {@code "groups_truncated": true}; should it still not fit, its other
	 * optional claims are left out, never cut. Default 4096, what the identity headers
	 * together may take.
	 */
	private int maxSize = 4096;

	/**
	 * The signing keys by key id ({@code kid}); every one is published in the JWK set.
	 * Default none: no route can use {@code IdentityAssertion}.
	 */
	private Map<String, Key> keys = new LinkedHashMap<>();

	public @Nullable URI getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable URI issuer) {
		this.issuer = issuer;
	}

	public Duration getLifetime() {
		return this.lifetime;
	}

	public void setLifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public int getCacheSize() {
		return this.cacheSize;
	}

	public void setCacheSize(int cacheSize) {
		this.cacheSize = cacheSize;
	}

	public int getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(int maxSize) {
		this.maxSize = maxSize;
	}

	public Map<String, Key> getKeys() {
		return this.keys;
	}

	public void setKeys(Map<String, Key> keys) {
		this.keys = keys;
	}

	/**
	 * One signing key.
	 */
	public static class Key {

		/**
		 * The private key: PKCS#8 PEM text, or {@code file:} and the path of a mounted
		 * Secret's file. An EC P-256 key signs with ES256, an RSA key of 2048 bits or
		 * more with RS256.
		 */
		private @Nullable String privateKey;

		/**
		 * When the key starts signing; published from startup on. Default: the earliest
		 * (it signs until a key with a later passed {@code sign-from} takes over).
		 */
		private @Nullable Instant signFrom;

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable Instant getSignFrom() {
			return this.signFrom;
		}

		public void setSignFrom(@Nullable Instant signFrom) {
			this.signFrom = signFrom;
		}

	}

}
