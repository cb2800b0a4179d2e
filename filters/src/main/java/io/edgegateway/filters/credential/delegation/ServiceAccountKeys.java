package io.edgegateway.filters.credential.delegation;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import io.edgegateway.filters.credential.provider.KeyFile;

/**
 * The service-account keys allowed domain-wide delegation
 * ({@code edge.credentials.service-accounts.<name>}), read from their files and re-read
 * when the files change.
 */
public final class ServiceAccountKeys {

	private final Map<String, CredentialsProperties.ServiceAccount> configured;

	private final KeyFile.Reading reading;

	private final Map<String, KeyFile<ServiceAccountKey>> files = new ConcurrentHashMap<>();

	/**
	 * Keys whose files are read when a route needs them.
	 * @param configured the service accounts by name
	 */
	public ServiceAccountKeys(Map<String, CredentialsProperties.ServiceAccount> configured) {
		this(configured, KeyFile.Reading.NOW);
	}

	/**
	 * Keys whose files are read when a route needs them or when they are first used.
	 * @param configured the service accounts by name
	 * @param reading when their files are read
	 */
	public ServiceAccountKeys(Map<String, CredentialsProperties.ServiceAccount> configured, KeyFile.Reading reading) {
		this.configured = Map.copyOf(configured);
		this.reading = reading;
	}

	/**
	 * The key file of the service account a route names.
	 * @param spec the route's spec; its registration is the service account's name
	 * @return the key file
	 * @throws InvalidCredentialSpecException if the service account is not configured or,
	 * read now, its key unreadable
	 */
	KeyFile<ServiceAccountKey> require(CredentialSpec spec) {
		String name = spec.requireRegistration();
		try {
			return this.files.computeIfAbsent(name, (id) -> {
				CredentialsProperties.ServiceAccount account = this.configured.get(id);
				if (account == null || account.getKeyFile() == null) {
					throw new IllegalArgumentException(
							"'" + id + "' is not a configured service account " + "(edge.credentials.service-accounts."
									+ id + ".key-file); configured: " + new TreeSet<>(this.configured.keySet()));
				}
				return new KeyFile<>(account.getKeyFile(), ServiceAccountKey::parse, this.reading);
			});
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCredentialSpecException(spec.routeId(), "service-account", ex.getMessage());
		}
	}

}
