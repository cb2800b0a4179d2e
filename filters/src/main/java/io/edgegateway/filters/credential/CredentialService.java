package io.edgegateway.filters.credential;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Picks the strategy for a route's credential mode and bounds every call to the identity
 * provider in time, so a slow provider ends in {@code 503} rather than a hanging request.
 */
public final class CredentialService {

	private final Map<CredentialMode, CredentialStrategy> strategies = new EnumMap<>(CredentialMode.class);

	private final Duration timeout;

	public CredentialService(List<CredentialStrategy> strategies, Duration timeout) {
		Assert.notNull(timeout, "timeout cannot be null");
		strategies.forEach((strategy) -> this.strategies.put(strategy.mode(), strategy));
		this.timeout = timeout;
	}

	/**
	 * Prepare a route's credential.
	 * @param spec the route's credential spec
	 * @return the source of the route's tokens
	 * @throws InvalidCredentialSpecException if the spec cannot work with the gateway's
	 * configuration
	 */
	public CredentialSource prepare(CredentialSpec spec) {
		CredentialStrategy strategy = this.strategies.get(spec.mode());
		if (strategy == null) {
			throw new InvalidCredentialSpecException(spec.routeId(), "mode",
					spec.mode() + " is not available: no OAuth2 client is configured");
		}
		CredentialSource source = strategy.prepare(spec);
		return (user) -> source.obtain(user)
			.timeout(this.timeout)
			.onErrorMap((ex) -> CredentialException.from(ex, spec.routeId(), spec.registration(), spec.mode()));
	}

}
