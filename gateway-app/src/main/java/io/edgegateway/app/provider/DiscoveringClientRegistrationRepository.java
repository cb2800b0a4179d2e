package io.edgegateway.app.provider;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The client registrations of Spring Boot's properties, in place of Spring Boot's
 * repository, which reads every issuer's discovery document while the gateway starts and
 * stops the start when a provider is down: during a provider outage every restarting pod
 * would crash-loop while the running ones serve on cached tokens. Here a registration
 * with an {@code issuer-uri} is {@link RegistrationDiscovery discovered in the
 * background}; one with its endpoints configured is built at once, so a mistake in it
 * still stops the start.
 */
public final class DiscoveringClientRegistrationRepository
		implements ReactiveClientRegistrationRepository, DisposableBean {

	private final Map<String, ClientRegistration> configured = new LinkedHashMap<>();

	private final Map<String, RegistrationDiscovery> discoveries = new LinkedHashMap<>();

	private final Duration wait;

	/**
	 * Build the configured registrations and start discovering the others.
	 * @param properties Spring Boot's client properties
	 * @param retry when to read a provider's metadata again after a failure
	 * @param wait how long a request waits for metadata being read
	 */
	DiscoveringClientRegistrationRepository(OAuth2ClientProperties properties, Retry retry, Duration wait) {
		this.wait = wait;
		ConfiguredRegistration.from(properties).forEach((id, registration) -> {
			String issuer = registration.issuer();
			if (issuer == null) {
				this.configured.put(id, build(properties, id));
			}
			else {
				this.discoveries.put(id, new RegistrationDiscovery(id, issuer, () -> build(properties, id), retry));
			}
		});
	}

	/**
	 * One registration as Spring Boot builds it (reading the issuer's metadata if it has
	 * one).
	 */
	private static ClientRegistration build(OAuth2ClientProperties properties, String id) {
		OAuth2ClientProperties one = new OAuth2ClientProperties();
		one.getRegistration().put(id, properties.getRegistration().get(id));
		one.getProvider().putAll(properties.getProvider());
		return new OAuth2ClientPropertiesMapper(one).asClientRegistrations().get(id);
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		ClientRegistration registration = this.configured.get(registrationId);
		if (registration != null) {
			return Mono.just(registration);
		}
		RegistrationDiscovery discovery = this.discoveries.get(registrationId);
		return (discovery != null) ? discovery.registration(this.wait) : Mono.empty();
	}

	/**
	 * The registrations read from a provider's metadata, by id.
	 * @return the discoveries
	 */
	Map<String, RegistrationDiscovery> discoveries() {
		return Collections.unmodifiableMap(this.discoveries);
	}

	@Override
	public void destroy() {
		this.discoveries.values().forEach(RegistrationDiscovery::stop);
	}

}
