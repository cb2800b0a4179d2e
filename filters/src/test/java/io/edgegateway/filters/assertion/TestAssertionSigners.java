package io.edgegateway.filters.assertion;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.edgegateway.filters.support.TestKeys;
import org.jspecify.annotations.Nullable;

/**
 * Assertion settings and a stock verifier for the tests of this package.
 */
final class TestAssertionSigners {

	static final URI ISSUER = URI.create("https://edge.example.com");

	private TestAssertionSigners() {
	}

	static AssertionProperties.Key key(String pem, @Nullable Instant signFrom) {
		AssertionProperties.Key key = new AssertionProperties.Key();
		key.setPrivateKey(pem);
		key.setSignFrom(signFrom);
		return key;
	}

	static AssertionProperties withEcKey(String keyId) {
		AssertionProperties properties = new AssertionProperties();
		properties.getKeys().put(keyId, key(TestKeys.pem(TestKeys.ecP256().getPrivate()), null));
		return properties;
	}

	static AssertionSigner signer(AssertionProperties properties, Clock clock) {
		return AssertionSigner.from(properties, ISSUER, clock);
	}

	/**
	 * Verify an assertion as an upstream does with Nimbus: against the published JWK set,
	 * the assertion's type, issuer and audience required.
	 */
	static JWTClaimsSet verify(String token, AssertionSigner signer, String audience) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AssertionSigner.TYPE));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
				new ImmutableJWKSet<>(JWKSet.parse(signer.jwkSet()))));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
				new JWTClaimsSet.Builder().issuer(ISSUER.toString()).build(), Set.of("sub", "iat", "exp", "jti")));
		return processor.process(token, null);
	}

	static List<String> keyIds(AssertionSigner signer) throws Exception {
		return JWKSet.parse(signer.jwkSet()).getKeys().stream().map(JWK::getKeyID).toList();
	}

}
