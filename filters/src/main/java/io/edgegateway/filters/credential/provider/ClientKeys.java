package io.edgegateway.filters.credential.provider;

import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.credential.InvalidCredentialSpecException;
import io.edgegateway.filters.crypto.PemKeys;
import org.jspecify.annotations.Nullable;

/**
 * The signing keys of registrations that authenticate with {@code private_key_jwt}
 * ({@code edge.credentials.client-keys.<registration>}), read from files and re-read when
 * they change.
 */
public final class ClientKeys {

	private final Map<String, CredentialsProperties.ClientKey> configured;

	private final KeyFile.Reading reading;

	private final Map<String, KeyFile<JWK>> files = new ConcurrentHashMap<>();

	/**
	 * Keys whose files are read when a route needs them.
	 * @param configured the keys by registration
	 */
	public ClientKeys(Map<String, CredentialsProperties.ClientKey> configured) {
		this(configured, KeyFile.Reading.NOW);
	}

	/**
	 * Keys whose files are read when a route needs them or when they are first used.
	 * @param configured the keys by registration
	 * @param reading when their files are read
	 */
	public ClientKeys(Map<String, CredentialsProperties.ClientKey> configured, KeyFile.Reading reading) {
		this.configured = Map.copyOf(configured);
		this.reading = reading;
	}

	/**
	 * Check that a registration's key is configured and, when read now, readable.
	 * @param spec the route that needs it
	 * @param registrationId the registration
	 * @throws InvalidCredentialSpecException if it is not
	 */
	void check(CredentialSpec spec, String registrationId) {
		try {
			keyFile(registrationId);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCredentialSpecException(spec.routeId(), "registration",
					"'" + registrationId + "' authenticates with private_key_jwt: " + ex.getMessage());
		}
	}

	/**
	 * The current signing key of a registration.
	 * @param registrationId the registration
	 * @return the key, or {@code null} if none is configured
	 */
	@Nullable JWK signingKey(String registrationId) {
		return this.configured.containsKey(registrationId) ? keyFile(registrationId).get() : null;
	}

	private KeyFile<JWK> keyFile(String registrationId) {
		return this.files.computeIfAbsent(registrationId, (id) -> {
			CredentialsProperties.ClientKey key = this.configured.get(id);
			String property = "edge.credentials.client-keys." + id;
			if (key == null || key.getPrivateKeyFile() == null) {
				throw new IllegalArgumentException(property + ".private-key-file is not configured");
			}
			if (key.getKeyId() == null) {
				throw new IllegalArgumentException(property + ".key-id is not configured");
			}
			String keyId = key.getKeyId();
			return new KeyFile<>(key.getPrivateKeyFile(), (pem) -> {
				RSAPrivateCrtKey privateKey = PemKeys.rsaPrivateKey(pem);
				return new RSAKey.Builder(PemKeys.rsaPublicKey(privateKey)).privateKey(privateKey).keyID(keyId).build();
			}, this.reading);
		});
	}

}
