package io.edgegateway.filters.tracing;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The web clients the gateway calls identity providers with (token endpoints, JWK sets,
 * discovery). Traced, each call is a client span, a child of the span it is made in (a
 * mint, the request), and the provider receives its {@code traceparent}; untraced, they
 * are plain web clients, as Spring Security would build them.
 */
public final class ProviderWebClients {

	private final ObservationRegistry registry;

	private ProviderWebClients(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Web clients whose calls are observed.
	 * @param registry the registry (the application's, with the tracing handlers)
	 * @return the clients
	 */
	public static ProviderWebClients traced(ObservationRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		return new ProviderWebClients(registry);
	}

	/**
	 * Plain web clients.
	 * @return the clients
	 */
	public static ProviderWebClients untraced() {
		return new ProviderWebClients(ObservationRegistry.NOOP);
	}

	/**
	 * A new web client.
	 * @return the client
	 */
	public WebClient create() {
		return WebClient.builder().observationRegistry(this.registry).build();
	}

}
