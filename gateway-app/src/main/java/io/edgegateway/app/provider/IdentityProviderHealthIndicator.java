package io.edgegateway.app.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the identity provider's metadata is known for every client registration that is
 * read from it: {@code OUT_OF_SERVICE} until then, so that {@code /readyz} keeps sign-ins
 * away from a gateway that cannot send them anywhere yet.
 */
final class IdentityProviderHealthIndicator implements HealthIndicator {

	private final Map<String, RegistrationDiscovery> discoveries;

	IdentityProviderHealthIndicator(Map<String, RegistrationDiscovery> discoveries) {
		this.discoveries = discoveries;
	}

	@Override
	public Health health() {
		boolean discovered = true;
		Map<String, Object> registrations = new LinkedHashMap<>();
		for (Map.Entry<String, RegistrationDiscovery> entry : this.discoveries.entrySet()) {
			RegistrationDiscovery discovery = entry.getValue();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("issuer", discovery.issuer());
			details.put("metadata", discovery.isDiscovered() ? "read" : "not read yet");
			String failure = discovery.lastFailure();
			if (failure != null) {
				details.put("error", failure);
			}
			registrations.put(entry.getKey(), details);
			discovered &= discovery.isDiscovered();
		}
		return (discovered ? Health.up() : Health.outOfService()).withDetail("registrations", registrations).build();
	}

}
