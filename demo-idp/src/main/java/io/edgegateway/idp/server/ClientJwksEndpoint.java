package io.edgegateway.idp.server;

import com.nimbusds.jose.jwk.JWKSet;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the public key of each {@code private_key_jwt} client as a JWK Set, at
 * {@code /test-client-jwks/{clientId}}: the {@code jwks_uri} a real client would host
 * itself. The clients are registered with this URL, so Spring Authorization Server
 * fetches their keys over HTTP exactly as it would from a client.
 */
final class ClientJwksEndpoint {

	static final String PATH_PREFIX = "/test-client-jwks/";

	private final TrustedKeys trustedKeys;

	ClientJwksEndpoint(TrustedKeys trustedKeys) {
		this.trustedKeys = trustedKeys;
	}

	/**
	 * The JWK Set URL of a client.
	 * @param issuer the issuer
	 * @param clientId the client id
	 * @return {@code {issuer}/test-client-jwks/{clientId}}
	 */
	static String uri(String issuer, String clientId) {
		return issuer + PATH_PREFIX + clientId;
	}

	ServerResponse jwks(ServerRequest request) {
		return this.trustedKeys.clientKey(request.pathVariable("clientId"))
			.map((key) -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(new JWKSet(key.toPublicJWK()).toString()))
			.orElseGet(() -> ServerResponse.notFound().build());
	}

}
