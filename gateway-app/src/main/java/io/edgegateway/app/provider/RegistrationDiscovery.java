package io.edgegateway.app.provider;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.edgegateway.app.web.DependencyUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * One client registration whose endpoints the provider's discovery document gives: read
 * in the background from the moment the gateway starts, tried again with a growing pause
 * until the provider answers, then kept.
 */
final class RegistrationDiscovery {

	private static final Log logger = LogFactory.getLog(RegistrationDiscovery.class);

	/**
	 * The error code of a request that needs the registration before it is known.
	 */
	static final String UNAVAILABLE = "idp_metadata_unavailable";

	private final String registrationId;

	private final String issuer;

	private final Sinks.One<ClientRegistration> discovered = Sinks.one();

	private volatile @Nullable ClientRegistration registration;

	private volatile @Nullable String lastFailure;

	private final Disposable attempts;

	/**
	 * Start reading a registration's metadata.
	 * @param registrationId the registration id
	 * @param issuer the provider's issuer, for messages
	 * @param discovery builds the registration from the provider's metadata (blocking)
	 * @param retry when to try again after a failure
	 */
	RegistrationDiscovery(String registrationId, String issuer, Callable<ClientRegistration> discovery, Retry retry) {
		this.registrationId = registrationId;
		this.issuer = issuer;
		this.attempts = Mono.fromCallable(discovery)
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError(this::failed)
			.retryWhen(retry)
			.subscribe(this::discovered);
	}

	private void failed(Throwable failure) {
		String cause = String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
		this.lastFailure = cause;
		logger.warn("The identity provider's metadata for client registration " + this.registrationId + " ("
				+ this.issuer + ") could not be read, trying again: " + cause);
	}

	private void discovered(ClientRegistration registration) {
		this.registration = registration;
		this.lastFailure = null;
		this.discovered.tryEmitValue(registration);
		if (logger.isInfoEnabled()) {
			logger.info("Read the identity provider's metadata for client registration " + this.registrationId + " ("
					+ this.issuer + ")");
		}
	}

	/**
	 * The registration, once known; a request that comes before waits for the attempt
	 * under way, at most {@code wait}.
	 * @param wait how long to wait for it
	 * @return the registration, or a {@link DependencyUnavailableException}
	 */
	Mono<ClientRegistration> registration(Duration wait) {
		ClientRegistration known = this.registration;
		if (known != null) {
			return Mono.just(known);
		}
		return this.discovered.asMono()
			.timeout(wait,
					Mono.error(() -> new DependencyUnavailableException(UNAVAILABLE,
							"The identity provider's metadata for client registration " + this.registrationId + " ("
									+ this.issuer + ") is not known yet"
									+ ((this.lastFailure != null) ? ": " + this.lastFailure : ""),
							null)));
	}

	String issuer() {
		return this.issuer;
	}

	boolean isDiscovered() {
		return this.registration != null;
	}

	@Nullable String lastFailure() {
		return this.lastFailure;
	}

	void stop() {
		this.attempts.dispose();
	}

}
