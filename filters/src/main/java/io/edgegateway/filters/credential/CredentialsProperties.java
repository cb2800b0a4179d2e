package io.edgegateway.filters.credential;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Gateway-wide credential settings: keys for {@code private_key_jwt} client
 * authentication, service-account keys for domain-wide delegation, and how long a call to
 * the identity provider may take. Keys are files (mounted Kubernetes Secrets), read again
 * when they change, so they rotate without a restart.
 * <p>
 * Its length is JavaBean accessors of three nested settings groups.
 */
@ConfigurationProperties("edge.credentials")
public class CredentialsProperties {

	/**
	 * Longest wait for the identity provider to mint a token; past it the request ends in
	 * {@code 503}. Default 5s.
	 */
	private Duration timeout = Duration.ofSeconds(5);

	/**
	 * Mints in flight at the identity provider at once, per client registration and
	 * replica; more wait their turn for at most the timeout. Default 16.
	 */
	private int maxConcurrentMints = 16;

	/**
	 * How long before its expiry a signed-in user's access token is refreshed with the
	 * refresh token (token relay, and the assertion of a token exchange or On-Behalf-Of),
	 * but never more than half of the token's lifetime, so a short-lived token is used a
	 * while before it is refreshed. Default 60s.
	 */
	private Duration refreshSkew = Duration.ofSeconds(60);

	/**
	 * The circuit breaker in front of the identity provider, one per client registration.
	 */
	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	/**
	 * Private keys for {@code private_key_jwt} client authentication, by client
	 * registration id.
	 */
	private Map<String, ClientKey> clientKeys = new LinkedHashMap<>();

	/**
	 * Service-account key files (Google's JSON key file format) for domain-wide
	 * delegation, by name.
	 */
	private Map<String, ServiceAccount> serviceAccounts = new LinkedHashMap<>();

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public int getMaxConcurrentMints() {
		return this.maxConcurrentMints;
	}

	public void setMaxConcurrentMints(int maxConcurrentMints) {
		this.maxConcurrentMints = maxConcurrentMints;
	}

	public Duration getRefreshSkew() {
		return this.refreshSkew;
	}

	public void setRefreshSkew(Duration refreshSkew) {
		Assert.isTrue(!refreshSkew.isNegative(), "must not be negative");
		this.refreshSkew = refreshSkew;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public Map<String, ClientKey> getClientKeys() {
		return this.clientKeys;
	}

	public void setClientKeys(Map<String, ClientKey> clientKeys) {
		this.clientKeys = clientKeys;
	}

	public Map<String, ServiceAccount> getServiceAccounts() {
		return this.serviceAccounts;
	}

	public void setServiceAccounts(Map<String, ServiceAccount> serviceAccounts) {
		this.serviceAccounts = serviceAccounts;
	}

	/**
	 * When the circuit breaker opens and how it closes again.
	 */
	public static class CircuitBreaker {

		/**
		 * Failure rate, in percent of the recent calls, that opens the breaker. Default
		 * 50.
		 */
		private float failureRateThreshold = 50;

		/**
		 * How many recent calls the failure rate is taken over. Default 20.
		 */
		private int slidingWindowSize = 20;

		/**
		 * Fewest calls before the failure rate counts. Default 10.
		 */
		private int minimumNumberOfCalls = 10;

		/**
		 * How long an open breaker fails calls fast before probing. Default 10s.
		 */
		private Duration waitInOpenState = Duration.ofSeconds(10);

		/**
		 * Probe calls let through once the wait is over. Default 2.
		 */
		private int permittedCallsInHalfOpenState = 2;

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public Duration getWaitInOpenState() {
			return this.waitInOpenState;
		}

		public void setWaitInOpenState(Duration waitInOpenState) {
			this.waitInOpenState = waitInOpenState;
		}

		public int getPermittedCallsInHalfOpenState() {
			return this.permittedCallsInHalfOpenState;
		}

		public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
			this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
		}

	}

	/**
	 * A client's signing key for {@code private_key_jwt}.
	 */
	public static class ClientKey {

		/**
		 * PEM file with the RSA private key (PKCS#8, {@code BEGIN PRIVATE KEY}).
		 */
		private @Nullable Path privateKeyFile;

		/**
		 * Key id ({@code kid}) the identity provider knows the public key by.
		 */
		private @Nullable String keyId;

		public @Nullable Path getPrivateKeyFile() {
			return this.privateKeyFile;
		}

		public void setPrivateKeyFile(@Nullable Path privateKeyFile) {
			this.privateKeyFile = privateKeyFile;
		}

		public @Nullable String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(@Nullable String keyId) {
			this.keyId = keyId;
		}

	}

	/**
	 * A service account allowed domain-wide delegation.
	 */
	public static class ServiceAccount {

		/**
		 * The service account's JSON key file ({@code client_email}, {@code private_key},
		 * {@code private_key_id}, {@code token_uri}).
		 */
		private @Nullable Path keyFile;

		public @Nullable Path getKeyFile() {
			return this.keyFile;
		}

		public void setKeyFile(@Nullable Path keyFile) {
			this.keyFile = keyFile;
		}

	}

}
