package io.edgegateway.idp.server;

import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The public keys of callers the identity provider trusts, given to
 * {@code DemoIdentityProvider.Builder}: clients that authenticate with
 * {@code private_key_jwt}, and service accounts that sign domain-wide delegation
 * assertions.
 *
 * @param clientKeys the public JWK of each client, by client id
 * @param serviceAccountKeys the public keys of each service account, by
 * {@code client_email} and then by key id
 */
public record TrustedKeys(Map<String, RSAKey> clientKeys, Map<String, Map<String, RSAPublicKey>> serviceAccountKeys) {

	/**
	 * Copies both maps, so later changes to the builder's maps do not leak in.
	 * @param clientKeys the public JWK of each client, by client id
	 * @param serviceAccountKeys the public keys of each service account
	 */
	public TrustedKeys {
		clientKeys = Map.copyOf(clientKeys);
		serviceAccountKeys = Map.copyOf(serviceAccountKeys);
	}

	/**
	 * The public JWK of a client.
	 * @param clientId the client id
	 * @return the key, or empty if the client was given none
	 */
	public Optional<RSAKey> clientKey(String clientId) {
		return Optional.ofNullable(this.clientKeys.get(clientId));
	}

}
