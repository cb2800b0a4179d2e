package io.edgegateway.app.web;

import java.time.Duration;
import java.util.Map;

import io.edgegateway.filters.assertion.AssertionSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /.well-known/edge-gateway/jwks.json}: the public keys upstreams verify the
 * gateway's identity assertions with, on the public port and without sign-in, so any JWT
 * library can fetch them. Every configured key is listed, the next one before it signs
 * and the previous one until its last assertion expired; never a private part. Not found
 * when no signing key is configured.
 */
@RestController
public class AssertionJwksController {

	/**
	 * Where the JWK set is served.
	 */
	public static final String PATH = "/.well-known/edge-gateway/jwks.json";

	/**
	 * How long an upstream may keep the set: an operator publishes a new key at least
	 * this long before it signs.
	 */
	public static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final ObjectProvider<AssertionSigner> signer;

	public AssertionJwksController(ObjectProvider<AssertionSigner> signer) {
		this.signer = signer;
	}

	@GetMapping(path = PATH, produces = { "application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE })
	public ResponseEntity<Map<String, Object>> jwks() {
		AssertionSigner assertions = this.signer.getIfAvailable();
		if (assertions == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No identity assertion keys are configured");
		}
		return ResponseEntity.ok()
			.contentType(JWK_SET)
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.body(assertions.jwkSet());
	}

}
